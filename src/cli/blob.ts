/**
 * Blobs: the large texts of a task's result (output files) as UTF-8 bytes, with the SHA-256 the cache stores
 * them under. Shared by the tasks that make them (in a worker or in process) and the engine's cache that
 * stores them, so that neither imports the other.
 */
import {createHash, type Hash} from 'node:crypto'
import {encodeUtf8} from './files.js'

/**
 * A large text in a result (an output file), as UTF-8 bytes: stored once as a blob named by its SHA-256, so
 * that cache entries stay small and a run that finds its outputs already written never reads it. Bytes,
 * not a string: the text is encoded once, here, and the same bytes are hashed, sent from a worker and
 * written (hashing a string encodes it, and writing it encodes it again).
 */
export interface BlobRef {
  /** Hex; `''` where the run keeps no cache (`unhashedBlobRef`). */
  sha256: string
  /**
   * The bytes of a fresh result: in one buffer, or in the pieces they were encoded in (never joined: a
   * document of 60,000 pairs writes 34 MB of XLIFF, which joined would exist twice for a moment); null for
   * a result from the cache (fetch them with `Cache.blob`).
   */
  bytes: Bytes | null
}

/** Bytes in one buffer or in pieces, as a blob holds them and `writeFileAtomic` writes them. */
export type Bytes = Uint8Array | Uint8Array[]

export function bytesLength(bytes: Bytes): number {
  return Array.isArray(bytes) ? bytes.reduce((sum, piece) => sum + piece.length, 0) : bytes.length
}

/** A text, whole or in pieces (as `writeFormats` gives it), as a blob: each piece encoded and hashed as it comes. */
export function blobRef(text: string | Iterable<string>): BlobRef {
  return encodedBlob(text, createHash('sha256'))
}

/** `blobRef` without the SHA-256 (`''`), for a run that keeps no cache: nothing would read it. */
export function unhashedBlobRef(text: string | Iterable<string>): BlobRef {
  return encodedBlob(text, undefined)
}

function encodedBlob(text: string | Iterable<string>, hash: Hash | undefined): BlobRef {
  const parts: Buffer[] = []
  // A string is iterable too, by characters: it is one piece.
  for (const piece of typeof text === 'string' ? [text] : text) {
    const bytes = encodeUtf8(piece)
    hash?.update(bytes)
    parts.push(bytes)
  }
  return {sha256: hash?.digest('hex') ?? '', bytes: parts.length === 1 ? parts[0]! : parts}
}

function isBytesOrNull(bytes: unknown): boolean {
  return bytes === null || bytes instanceof Uint8Array || (Array.isArray(bytes) && bytes.every((piece) => piece instanceof Uint8Array))
}

export function isBlobRef(value: unknown): value is BlobRef {
  return typeof value === 'object' && value !== null && typeof (value as BlobRef).sha256 === 'string' && /^[0-9a-f]{64}$/.test((value as BlobRef).sha256) && isBytesOrNull((value as BlobRef).bytes)
}
