/**
 * The file system side of the CLI: expanding inputs (files, folders, globs) into documents with the
 * path each output is named after, reading them as strict UTF-8, and writing outputs atomically.
 */
import {promises as fs, chmod, close, constants, fstatSync, link, lstatSync, mkdir, open, openSync, closeSync, readFile, readFileSync, rename, rm, stat, statSync, writeFile, writev, type Stats} from 'node:fs'
import path from 'node:path'
import {randomBytes} from 'node:crypto'
import {threadId} from 'node:worker_threads'
import {promisify} from 'node:util'
import {glob, isDynamicPattern} from 'tinyglobby'
import {charCodes} from '../inline/char-codes.js'

export interface InputFile {
  /** Path as the user can find it (relative to the working directory when inside it). */
  path: string
  /** Path relative to the input folder (a lone file: its name); outputs are named after it. */
  relative: string
  /** Absolute path, to read it by (resolved once: a warm run does little else per file). */
  absolute: string
}

export class UsageError extends Error {}

const ignored = ['**/node_modules/**', '**/.git/**']

/** Files, folders (every `*.md` below, recursively) or globs → input files, sorted, without duplicates. */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<InputFile[]> {
  const found = new Map<string, InputFile>()
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    let stat: Awaited<ReturnType<typeof fs.stat>> | undefined
    try {
      stat = await fs.stat(absolute)
    } catch {
      stat = undefined
    }
    if (stat?.isDirectory()) {
      // `.MD` too, as merge pairs documents (and as DocFX and case-insensitive file systems read them).
      const files = await glob('**/*.md', {cwd: absolute, ignore: ignored, dot: false, caseSensitiveMatch: false})
      for (const file of files.sort()) add(found, path.join(absolute, file), file, cwd)
    } else if (stat?.isFile()) {
      add(found, absolute, path.basename(absolute), cwd)
    } else if (stat) {
      // Reading a FIFO waits for a writer forever, and a device never ends: neither is a document.
      throw new UsageError(`${printable(input)}: not a regular file or folder`)
    } else if (isDynamicPattern(input)) {
      const base = path.resolve(cwd, globBase(input))
      const files = await glob(input, {cwd, ignore: ignored, absolute: true})
      for (const file of files.sort()) {
        const relative = path.relative(base, file)
        // Outputs are named after this path below --out: one that climbs (`*/../../x.md`) would land outside it.
        if (relative.startsWith('..') || path.isAbsolute(relative)) {
          throw new UsageError(`${printable(input)} matches ${printable(file)}, outside ${printable(globBase(input))} where the pattern starts: name that file's folder instead`)
        }
        add(found, file, relative, cwd)
      }
    } else {
      throw new UsageError(`${printable(input)}: no such file or folder`)
    }
  }
  return [...found.values()]
}

function add(found: Map<string, InputFile>, absolute: string, relative: string, cwd: string): void {
  if (found.has(absolute)) return
  const fromCwd = path.relative(cwd, absolute)
  found.set(absolute, {
    path: fromCwd.startsWith('..') || path.isAbsolute(fromCwd) ? absolute : fromCwd,
    relative: relative.split(path.sep).join('/'),
    absolute
  })
}

/** Inputs that name no document are a usage error in every command (exit 2), as in `check`. */
export function requireInputs<T>(files: readonly T[]): void {
  if (files.length === 0) throw new UsageError('no markdown files in the inputs')
}

/**
 * Refuse inputs whose outputs would be the same file: two folders given with a file of the same relative
 * path each (`a/x.md`, `b/x.md`), or names that differ only in case (one file where the file system ignores
 * case). The later one would silently replace the earlier one's outputs.
 */
export function refuseSharedOutputs(files: readonly InputFile[]): void {
  const seen = new Map<string, InputFile>()
  for (const file of files) {
    const key = file.relative.replace(/\.md$/i, '').toLowerCase()
    const earlier = seen.get(key)
    if (earlier) throw new UsageError(`${printable(earlier.path)} and ${printable(file.path)} would have the same outputs (both are ${printable(file.relative)} below their folder): give one folder at a time`)
    seen.set(key, file)
  }
}

/** The folder part of a glob before its first dynamic segment (`docs/**\/*.md` → `docs`). */
function globBase(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/') || '.'
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(message)
  }
}

// `ignoreBOM`: a BOM stays in the text (TextDecoder drops it by default), so that a document sxs writes back
// (merge, render) keeps it, and offsets and columns are those of the file. The readers know it is there.
const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Read a file as UTF-8, refusing invalid bytes with the line and column of the first one. */
/** A file's text, or undefined when there is no such file (a configuration file that may be absent). */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return readRegularFile(file).toString('utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined
    throw error
  }
}

export async function readUtf8(file: string): Promise<string> {
  return decodeUtf8(readRegularFile(file))
}

/**
 * The bytes of `file`, refusing anything but a regular file: opening a FIFO for reading waits for a writer
 * (forever, on a FIFO in a docs folder), and a device never ends. Opened non-blocking, so that even the open
 * returns, and checked on the open descriptor (no race between a check and the read).
 */
export function readRegularFile(file: string): Buffer {
  const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) throw notRegular(stats)
    return readFileSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

function notRegular(stats: Stats): Error {
  return Object.assign(new Error(`not a regular file (${kindOf(stats)})`), {code: 'ENOTREG'})
}

function kindOf(stats: Stats): string {
  return stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'a special file'
}

/** Bytes → text as strict UTF-8 (a `DecodeError` with the line and column of the first invalid byte). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch {
    const bad = firstInvalidUtf8(bytes)
    const before = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes.subarray(0, bad))
    const lines = before.split('\n')
    throw new DecodeError(
      `not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad})`,
      lines.length,
      lines[lines.length - 1]!.length + 1
    )
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Binary search for the shortest prefix that fails to decode (a prefix may end mid-character: allow 3 bytes).
  while (low < high) {
    const middle = (low + high) >> 1
    try {
      decoder.decode(bytes.subarray(0, middle + 1), {stream: true})
      decoder.decode()
      low = middle + 1
    } catch {
      high = middle
    }
  }
  return low
}

const encoder = new TextEncoder()
/** Characters encoded per step: at most 3 bytes each, so the scratch buffer is 3 MB and always large enough. */
const encodeStep = 1 << 20
let scratch: Uint8Array | undefined

/**
 * Text → UTF-8 bytes, by encoding into one reused scratch buffer and copying the bytes out. Node 20's
 * `Buffer.from(text)` allocates fresh worst-case memory for every call: on extract's outputs (244 MB for
 * the dev corpus) it took 1.3 s, this 0.35 s.
 */
export function encodeUtf8(text: string): Buffer {
  scratch ??= new Uint8Array(encodeStep * 3)
  if (text.length <= encodeStep) return Buffer.from(scratch.subarray(0, encoder.encodeInto(text, scratch).written))
  const pieces: Buffer[] = []
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + encodeStep, text.length)
    // Never split a surrogate pair between two steps.
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= charCodes.highSurrogateFirst && last <= charCodes.highSurrogateLast) end--
    pieces.push(Buffer.from(scratch.subarray(0, encoder.encodeInto(text.slice(start, end), scratch).written)))
    start = end
  }
  return Buffer.concat(pieces)
}

/**
 * The file calls of the hot write path, as promises over Node's callback API. Not `fs.promises`: its
 * FileHandle objects (one per write, each with a finalizer) cost the main thread 1.6-2.1 s for 2,000
 * outputs of 120 KB with their renames, stats and links on tmpfs here; the callback calls 0.6 s
 * (event-loop utilization, measured back to back).
 */
export const fsCalls = {
  writeFile: promisify(writeFile),
  open: promisify(open),
  writev: promisify(writev),
  close: promisify(close),
  readFile: promisify(readFile),
  rename: promisify(rename),
  link: promisify(link),
  stat: promisify(stat),
  mkdir: promisify(mkdir),
  rm: promisify(rm)
}

/** Names of temporary files: unique per process and thread (random) and per write (a counter). */
const temporaryStem = `${randomBytes(4).toString('hex')}-${threadId}`
let temporaryCount = 0

/**
 * Write a file so that readers see the old content or the new one, never half of it: write a temporary
 * file beside it, then rename it over the target. Asynchronous on purpose: on a busy disk the writes
 * of one file overlap the parsing of the next (synchronous calls made a cold extract of the dev corpus
 * 30% slower here).
 *
 * The chain of system calls (create, write, close, [chmod,] rename; a missing folder made on the way; the
 * temporary file removed on a failure) runs from callback to callback under one promise: a cold extract
 * makes 1,324 outputs, and one promise per call, each resumed through an `await`, was main-thread work
 * for nothing.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[], mode?: number): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${shortened(path.basename(file))}.${temporaryStem}-${temporaryCount++}.tmp`)
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => rm(temporary, {force: true}, (rmError) => reject(rmError ?? error))
    const moveIntoPlace = (): void => rename(temporary, file, (error) => (error ? fail(error) : resolve()))
    // A replaced file keeps its permissions (an executable or read-only-for-others document stays so).
    const written = (): void => (mode === undefined ? moveIntoPlace() : chmod(temporary, mode & 0o7777, (error) => (error ? fail(error) : moveIntoPlace())))
    writeNewFile(temporary, content, (error) => {
      if (!error) return written()
      // The folder usually exists: make it only when the write says it does not.
      if (error.code !== 'ENOENT') return fail(error)
      mkdir(path.dirname(file), {recursive: true}, (mkdirError) => (mkdirError ? fail(mkdirError) : writeNewFile(temporary, content, (again) => (again ? fail(again) : written()))))
    })
  })
}

/** A file name cut to at most 100 UTF-8 bytes (whole characters), so that the temporary name stays within the 255-byte limit of file names. */
function shortened(name: string): string {
  if (Buffer.byteLength(name) <= 100) return name
  let cut = ''
  for (const character of name) {
    if (Buffer.byteLength(cut + character) > 100) break
    cut += character
  }
  return cut
}

/** Why an output is not written: the place holds something that is not a regular file, the path leaves its folder, or it is an input. */
export class OutputRefused extends Error {}

export interface OutputGuard {
  /** The folder (`--out`) every output must stay in, after following symbolic links. */
  within?: string
  /** The inputs of the run: no output may replace one. */
  inputs?: readonly InputFile[]
  /**
   * The real path of each folder written into, found once for the run (`outputGuard` makes one per run):
   * a run writing thousands of outputs into a few hundred folders resolves each folder once, not once per
   * output. Without it each write resolves its folder.
   */
  folders?: Map<string, Promise<string>>
}

/** A guard for one run's writes, with its own record of the folders' real paths (see `OutputGuard.folders`). */
export function outputGuard(guard: Omit<OutputGuard, 'folders'>): OutputGuard {
  return {...guard, folders: new Map()}
}

/**
 * Write an output as `writeFileAtomic` does, but never over what is not the user's plain file to replace:
 * - a symbolic link is followed, and its target is written (the link stays: a symlinked document merged in
 *   place is updated, not replaced by a copy); a link to nothing is refused;
 * - a device, FIFO, socket or folder at the place is refused (renaming over it would replace it by a file);
 * - with `within`, a path that leaves that folder (through a symbolic link inside it) is refused;
 * - a path that is one of `inputs` (the same file, whatever the path) is refused.
 * A replaced file keeps its permissions.
 *
 * The file's folder is resolved (symbolic links followed) once per folder and run where the guard has
 * `folders`, and the file itself is looked at with one `lstat` in that real folder: only a link there is
 * followed further. Before, each output cost a realpath of the file (failing on a new one), an lstat, a
 * realpath of its folder and a stat, each a round trip through the thread pool (0.4 s of extract's main
 * thread on the dev corpus' 1,324 outputs). The lstat is synchronous, with no error made for a missing
 * file: it asks the kernel's cache of names, as the ledger's stat of each output does.
 */
export async function writeOutput(file: string, content: string | Uint8Array | readonly Uint8Array[], guard: OutputGuard = {}): Promise<void> {
  const absolute = path.resolve(file)
  const folder = path.dirname(absolute)
  const realParent = folder === absolute ? undefined : await (guard.folders ? realFolderOf(folder, guard.folders) : realTarget(folder))
  let target = realParent === undefined ? absolute : path.join(realParent, path.basename(absolute))
  let existing = lstatSync(target, {throwIfNoEntry: false})
  if (existing?.isSymbolicLink()) {
    target = await realTarget(target)
    existing = statOrUndefined(target)
  }
  if (existing && !existing.isFile()) throw new OutputRefused(`refused: ${kindOf(existing)} is there, not a regular file`)
  if (guard.within !== undefined) {
    const within = await (guard.folders ? realFolderOf(path.resolve(guard.within), guard.folders) : realTarget(path.resolve(guard.within)))
    const relative = path.relative(within, target)
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new OutputRefused(`refused: the path leads outside ${printable(guard.within)}, to ${printable(target)}`)
  }
  if (existing && guard.inputs && (await isInput(existing, target, guard.inputs))) {
    throw new OutputRefused('refused: it is one of the inputs, which the output would replace')
  }
  await writeFileAtomic(target, content, existing?.mode)
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
}

/**
 * `realTarget` of a folder, from the run's record of folders: its parent's real path (recorded too) and its
 * name, with the link followed when the folder is one. One lstat per folder and run, where a realpath
 * looks at every folder of the path again (most output folders are new: the realpath failed, and its
 * parent's was asked for too).
 */
function realFolderOf(folder: string, folders: Map<string, Promise<string>>): Promise<string> {
  let real = folders.get(folder)
  if (!real) {
    const parent = path.dirname(folder)
    real =
      parent === folder
        ? realTarget(folder)
        : realFolderOf(parent, folders).then((realParent) => {
            const place = path.join(realParent, path.basename(folder))
            return lstatSync(place, {throwIfNoEntry: false})?.isSymbolicLink() ? realTarget(place) : place
          })
    folders.set(folder, real)
  }
  return real
}

/** `file` with every symbolic link followed, as far as the path exists (the rest appended as given). */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const link = await fs.lstat(file).catch(() => undefined)
  if (link?.isSymbolicLink()) throw new OutputRefused(`refused: a symbolic link to nothing (${printable(await fs.readlink(file))}) is there`)
  const parent = path.dirname(file)
  return parent === file ? file : path.join(await realTarget(parent), path.basename(file))
}

const inputIdentities = new WeakMap<readonly InputFile[], Promise<Set<string>>>()

/** Whether the existing file `stats` (at `target`) is one of `inputs`: by path, then by device and inode (another path to it). */
async function isInput(stats: Stats, target: string, inputs: readonly InputFile[]): Promise<boolean> {
  if (inputs.some((input) => input.absolute === target)) return true
  let identities = inputIdentities.get(inputs)
  if (!identities) {
    identities = Promise.all(inputs.map((input) => fs.stat(input.absolute).catch(() => undefined))).then(
      (all) => new Set(all.filter((entry) => entry !== undefined).map((entry) => `${entry.dev}:${entry.ino}`))
    )
    inputIdentities.set(inputs, identities)
  }
  return (await identities).has(`${stats.dev}:${stats.ino}`)
}

/**
 * A path or name as it may be printed in a diagnostic: control characters (a newline would split the
 * message and could start a line with `::error`, which GitHub Actions runs as a command; ESC starts
 * terminal escape sequences) written as escapes. Plain names are unchanged.
 */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)
    ? name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
        const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}
        return named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
      })
    : name
}

/**
 * Create `file` (it must not exist) holding `content`, then `done`; bytes in pieces are written as they
 * are, in one call (libuv writes them all). The descriptor is closed whatever the write did.
 */
function writeNewFile(file: string, content: string | Uint8Array | readonly Uint8Array[], done: (error: NodeJS.ErrnoException | null) => void): void {
  if (!Array.isArray(content)) return writeFile(file, content as string | Uint8Array, {flag: 'wx'}, done)
  open(file, 'wx', (openError, descriptor) => {
    if (openError) return done(openError)
    writev(descriptor, content as Uint8Array[], (writeError) => close(descriptor, (closeError) => done(writeError ?? closeError ?? null)))
  })
}

/** `dir/<relative without .md><extension>` */
export function outputPath(directory: string, relative: string, extension: string): string {
  return path.join(directory, relative.replace(/\.md$/i, '') + extension)
}
