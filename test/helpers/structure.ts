/** What the parse paths (fast, masked, full remark) must agree on, and documents to compare them on. */
import {parse} from '../../src/index.js'

/**
 * Front matter, messages, each segment's id, context and positions (pair, target, source), code blocks, the
 * leaf blocks and multi-line code spans (the document model check judges from):
 * what a parse gives the tools.
 */
export function structureOf(text: string, options: {path?: string; mask?: boolean; fast?: boolean}) {
  const document = parse(text, options)
  return {
    frontMatter: document.frontMatter,
    messages: document.messages.map(String),
    segments: document.segments.map((segment) => [segment.id, segment.context, segment.position]),
    codeBlocks: document.codeBlocks,
    blocks: document.blocks,
    multiLineCode: document.multiLineCode
  }
}

/** A function making documents from markdown in which each `P` stands for a pair, each with its own id. */
export function pairDocuments(): (markdown: string) => string {
  let count = 0
  return (markdown) =>
    markdown.replace(/P/g, () => {
      const id = `abcde-${100 + count++}`
      return `<span data-ttu-id="${id}">t</span><span class="sxs-lookup"><span data-stu-id="${id}">s</span></span>`
    })
}
