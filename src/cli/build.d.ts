/** Types of build.js (plain JavaScript, so that bin/sxs.js can load it before TypeScript can be compiled). */

/** Whether this code runs from the compiled build. */
export function isBundled(): boolean

/** SHA-256 of package.json, package-lock.json and every source file: the version of sxs for caches and builds. */
export function codeFingerprint(): string

/** File URLs of the compiled CLI and worker for the current sources (built if missing), or undefined. */
export function compiledBuild(): {cli: string; worker: string} | undefined
