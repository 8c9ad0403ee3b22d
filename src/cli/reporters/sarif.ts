/**
 * SARIF 2.1.0 for code-scanning uploads: one run, one rule descriptor per rule (stable `ruleId`s),
 * results with repo-relative URIs (against `%SRCROOT%`) and UTF-16 columns (what unist counts).
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {rules, ruleUrl} from '../../check/index.js'
import {otherMessages} from '../../document/message-ids.js'
import type {Reporter} from './types.js'
import {severityOf} from './types.js'
import {relatedOf} from '../../document/messages.js'

const version = '0.1.0'

/** A repo-relative URI reference: forward slashes, each segment percent-encoded. */
export function relativeUri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(cwd, absolute)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(absolute).href
  return relative.split(path.sep).map(encodeURIComponent).join('/')
}

export const sarif: Reporter = (results, {cwd}) => {
  const descriptors = [
    ...rules.map((rule) => ({id: rule.id, description: rule.description, level: rule.severity, help: `${rule.description} See ${ruleUrl(rule.id)}.`})),
    // Every other registered id too (a file check could not read, a crash of sxs itself): code scanning shows what each means.
    ...Object.entries(otherMessages).map(([id, {description, severity}]) => ({id, description, level: severity, help: `${description} See ${ruleUrl(id)}.`}))
  ]
  const index = new Map(descriptors.map((rule, position) => [rule.id, position]))
  const sarifResults = []
  for (const result of results) {
    for (const message of result.messages) {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      const ruleIndex = index.get(message.ruleId ?? '')
      const related = relatedOf(message)
      sarifResults.push({
        ruleId: message.ruleId ?? 'sxs',
        ...(ruleIndex === undefined ? {} : {ruleIndex}),
        level: severityOf(message),
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: relativeUri(result.path, cwd), uriBaseId: '%SRCROOT%'},
              region: {
                startLine: message.line ?? 1,
                startColumn: message.column ?? 1,
                ...(end ? {endLine: end.line, endColumn: end.column} : {})
              }
            }
          }
        ],
        ...(related
          ? {
              relatedLocations: [
                {
                  id: 1,
                  physicalLocation: {
                    artifactLocation: {uri: relativeUri(result.path, cwd), uriBaseId: '%SRCROOT%'},
                    region: {startLine: related.start.line, startColumn: related.start.column, ...(related.end ? {endLine: related.end.line, endColumn: related.end.column} : {})}
                  },
                  message: {text: related.reason}
                }
              ]
            }
          : {}),
        ...(message.segmentId ? {properties: {segmentId: message.segmentId}} : {})
      })
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sxs',
            version,
            rules: descriptors.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: {text: rule.description.split(/(?<=\.)\s/)[0]!},
              fullDescription: {text: rule.description},
              // Not `helpUri`: the rules page is a file of the installed package (`docsUrl`), meaningless where the log is read.
              help: {text: rule.help},
              defaultConfiguration: {level: rule.level}
            }))
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href}},
        columnKind: 'utf16CodeUnits',
        results: sarifResults
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
