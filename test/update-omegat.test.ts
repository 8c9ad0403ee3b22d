/**
 * `sxs update --xliff … --tmx …` in a real CAT tool: OmegaT 3.6 (Debian package `omegat`), over the 37 real
 * handoffs of ../shared/corpus/update. The todo XLIFF 1.2 goes in a project as `../shared/tools/omegat-translate`
 * makes it (its project file, the TMX in tm/auto), and OmegaT's own match finder (FindMatches, what its
 * Fuzzy Matches pane lists; test/fixtures/update/omegat-matches.groovy) reports every segment's matches:
 * each previous-version candidate must be there, and be the best one. `omegat-translate` itself inserts only
 * exact matches, so no candidate is put into a target unseen. Figures in docs/update.md.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {codeSegment} from '../src/inline/index.js'
import {omegatPair} from '../src/formats/omegat.js'
import {update} from '../src/update/update.js'
import {todoXliff} from '../src/update/xliff.js'
import {candidateTmx} from '../src/update/tmx.js'
import {historiesDir, historyNames} from './helpers/update-histories.js'

const omegatJar = '/usr/share/omegat/OmegaT.jar'
const omegatTranslate = fileURLToPath(new URL('../../shared/tools/omegat-translate', import.meta.url))
const script = fileURLToPath(new URL('./fixtures/update/omegat-matches.groovy', import.meta.url))
const hasOmegat = existsSync(omegatJar)

/** OmegaT's view of a text (its tag shortcuts), as it reads a unit whose target is `target`. */
function omegatView(source: string, target: string): {source: string; target: string} | undefined {
  const coded = codeSegment(source, target)
  return omegatPair(coded.source, coded.target, coded.codes)
}

interface Todo {
  name: string
  /** The segment as OmegaT shows it (the todo unit's target: a copy of its new English). */
  segment: string
  candidate: {source: string; target: string; score: number}
}

describe.skipIf(!hasOmegat)(`OmegaT shows update's candidates as fuzzy matches${hasOmegat ? '' : ' (skipped: OmegaT is not installed; apt-get install -y omegat)'}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'sxs-update-omegat-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))
  const project = join(work, 'project')
  for (const sub of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(project, sub), {recursive: true})
  // The project file omegat-translate writes (its here-document), for Polish.
  const projectFile = readFileSync(omegatTranslate, 'utf8').split('<<XML\n')[1]!.split('\nXML\n')[0]!
  writeFileSync(join(project, 'omegat.project'), projectFile.replace('${src^^}', 'EN-US').replace('${tgt^^}', 'PL-PL') + '\n')

  const todos: Todo[] = []
  let unseen = 0
  for (const name of historyNames()) {
    const old = parse(readFileSync(join(historiesDir, name, 'old.md'), 'utf8'), {path: `${name}.md`})
    const result = update(old, readFileSync(join(historiesDir, name, 'new-en.md'), 'utf8'), {path: `${name}.md`})
    if (!result.units.some((unit) => unit.needsWork)) continue
    writeFileSync(join(project, 'source', `${name}.xlf`), todoXliff(result.document, result.units))
    writeFileSync(join(project, 'tm', 'auto', `${name}.tmx`), candidateTmx(result.base, result.units).text)
    for (const unit of result.units) {
      if (!unit.needsWork || !unit.candidate) continue
      const segment = omegatView(unit.source, unit.source)
      const candidate = omegatView(unit.candidate.source, unit.candidate.target)
      if (!segment || !candidate) {
        unseen++
        continue
      }
      todos.push({name, segment: segment.target, candidate: {...candidate, score: unit.candidate.score}})
    }
  }

  it('lists every previous-version candidate among the segment’s fuzzy matches, as its best match', () => {
    const matchesFile = join(work, 'matches.tsv')
    execFileSync(
      'java',
      ['-Dsxs.matches=' + matchesFile, '-Djava.awt.headless=true', '-jar', omegatJar, project, `--config-dir=${join(work, 'config')}`, '--mode=console-translate', `--script=${script}`],
      {stdio: 'pipe'}
    )
    const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
    const bySegment = new Map<string, Array<{from: string; score: number; source: string; target: string}>>()
    for (const line of readFileSync(matchesFile, 'utf8').split('\n').filter(Boolean)) {
      const [segment, from, score, , , source, target] = line.split('\t') as [string, string, string, string, string, string, string]
      const list = bySegment.get(flat(segment)) ?? []
      list.push({from, score: Number(score), source: flat(source), target: flat(target)})
      bySegment.set(flat(segment), list)
    }
    const missing: string[] = []
    // OmegaT matches by word tokens: a segment with no letter outside its tags (`5.3.1`, a list of options
    // only) gets no fuzzy match from it at all, whatever the memory holds.
    let wordless = 0
    let listed = 0
    let best = 0
    for (const todo of todos) {
      const matches = bySegment.get(flat(todo.segment)) ?? []
      const found = matches.find((match) => match.source === flat(todo.candidate.source) && match.target === flat(todo.candidate.target))
      if (!found && !/\p{L}/u.test(todo.segment.replace(/<[^>]*>/g, ''))) {
        wordless++
        continue
      }
      if (!found) {
        missing.push(`${todo.name}: ${todo.segment} ${JSON.stringify(matches)} ${JSON.stringify(todo.candidate)}`)
        continue
      }
      expect(found.from).toBe('TM')
      listed++
      if (found!.score === Math.max(...matches.map((match) => match.score))) best++
    }
    expect(missing).toEqual([])
    expect({candidates: todos.length, listed, best, wordless, unseen}).toEqual({candidates: 26, listed: 24, best: 24, wordless: 2, unseen: 0})
  })

  it('omegat-translate fills no target from a candidate (OmegaT inserts exact matches only)', () => {
    const name = 'consume-packages-overview-and-workflow-20210323'
    const xliff = join(project, 'source', `${name}.xlf`)
    const out = join(work, 'translated')
    execFileSync(omegatTranslate, [xliff, join(project, 'tm', 'auto', `${name}.tmx`), out, 'en-US', 'pl-PL'], {stdio: 'pipe'})
    const targets = (text: string): string[] => [...text.matchAll(/<target[^>]*>([\s\S]*?)<\/target>/g)].map((match) => match[1]!)
    expect(targets(readFileSync(join(out, `${name}.xlf`), 'utf8'))).toEqual(targets(readFileSync(xliff, 'utf8')))
  })
})
