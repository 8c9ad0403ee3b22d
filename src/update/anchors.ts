/**
 * The localization pipeline puts `<a name="slug"></a>` before the text of every heading it translates (the
 * slug of the English heading), so links to `#slug` keep working on the localized page. A changed or new
 * heading gets one the same way when the old document has them.
 */

/** `Get-Package (Package Manager Console in Visual Studio)` → `get-package-package-manager-console-in-visual-studio`. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
}

/** Whether most of the old document's headings carry the pipeline's anchor. */
export function usesHeadingAnchors(headings: readonly string[]): boolean {
  const anchored = headings.filter((heading) => /^#{1,6}[ \t]+<a\s+name="[^"]*"><\/a>/.test(heading)).length
  return anchored > 0 && anchored * 2 >= headings.length
}
