/**
 * The bound on files parsed ahead of the one being consumed: a fresh result holds every output text until the
 * command has written it, so parsing may run only `ahead` files past the consumer. A file beyond the bound
 * waits for its slot; `abort` lets every waiting file go (to find the run ended) so that none waits forever.
 */
export class ComputeWindow {
  readonly #ahead: number
  #consumed = 0
  #aborted = false
  readonly #waiting: Array<{index: number; resolve: () => void}> = []

  constructor(ahead: number) {
    this.#ahead = ahead
  }

  get aborted(): boolean {
    return this.#aborted
  }

  /** Undefined when file `index` may be parsed now; otherwise a promise that resolves when it may. */
  slot(index: number): Promise<void> | undefined {
    return index < this.#consumed + this.#ahead ? undefined : new Promise((resolve) => this.#waiting.push({index, resolve}))
  }

  /** `count` files have been consumed: the files now inside the bound go on. */
  consumed(count: number): void {
    this.#consumed = count
    for (let at = this.#waiting.length - 1; at >= 0; at--) {
      if (this.#waiting[at]!.index < this.#consumed + this.#ahead) this.#waiting.splice(at, 1)[0]!.resolve()
    }
  }

  /** The run ended (done or failed): release every waiting file. */
  abort(): void {
    this.#aborted = true
    this.consumed(Number.POSITIVE_INFINITY)
  }
}
