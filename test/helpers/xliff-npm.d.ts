/** Types for the npm `xliff` package (it ships none); only what the tests use as an independent reader. */
declare module 'xliff' {
  interface XliffJs {
    sourceLanguage?: string
    targetLanguage?: string
    resources: Record<string, Record<string, {source?: any; target?: any; note?: any; additionalAttributes?: Record<string, string>}>>
  }
  const xliff: {
    xliff12ToJs(text: string): Promise<XliffJs>
    xliff2js(text: string): Promise<XliffJs>
  }
  export default xliff
}
