#!/usr/bin/env node
/**
 * Checks that the docs work when pasted: every ```yaml block in README.md and docs/*.md parses, and
 * passes GitHub's workflow schema (@action-validator/core): a whole workflow as it is, a job
 * (`steps:` …) or a list of steps wrapped in a minimal workflow. A step that keeps the tracking
 * issue must check channels (`integrations` or `integrations-file`), or it would only list them.
 * Every relative link points at a file that exists, and at a heading of it when it names one.
 *
 * Usage: node scripts/check-docs.mjs [FILE.md …]   (README.md and docs/*.md by default); exit 1 on a problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isSeq, parseDocument, stringify } from 'yaml'

const require = createRequire(import.meta.url)
/** @typedef {{ title: string, detail?: string, path?: string, states?: { errors: SchemaError[] }[] }} SchemaError */
/** @type {{ validateWorkflow: (src: string) => { errors: SchemaError[] } }} */
const validator = require('@action-validator/core')
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = /^<owner>\/postiz-integrations-check@|^\.\/?$/

/**
 * The ```yaml blocks of a Markdown text, with the line each starts on.
 * @param {string} markdown
 * @returns {{ line: number, text: string }[]}
 */
export function yamlBlocks(markdown) {
  /** @type {{ line: number, text: string }[]} */
  const blocks = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue
    const start = i + 1
    let end = start
    while (end < lines.length && lines[end].trim() !== '```') end++
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') })
    i = end
  }
  return blocks
}

/**
 * The schema's errors, the deepest first (a oneOf names its branches' errors in `states`).
 * @param {SchemaError[]} errors
 * @returns {string[]}
 */
function schemaErrors(errors) {
  return errors.flatMap(e => (e.states ? e.states.flatMap(s => schemaErrors(s.errors)) : [`${e.path ?? ''} ${e.detail ?? e.title}`.trim()]))
}

/** @param {string} line */
const indentOf = line => line.length - line.trimStart().length

/**
 * The problems of one YAML block: it parses, and as a workflow it passes the schema.
 * @param {string} text
 * @returns {string[]}
 */
export function checkYaml(text) {
  // A step snippet is indented as in a workflow: take the common indent off.
  const lines = text.split('\n')
  const indent = Math.min(...lines.filter(l => l.trim() !== '').map(indentOf))
  const doc = parseDocument(lines.map(l => l.slice(Math.min(indent, indentOf(l)))).join('\n'), { prettyErrors: false })
  if (doc.errors.length > 0) return [...new Set(doc.errors.map(e => `does not parse as YAML: ${e.message.split('\n')[0]}`))]
  /** @type {any} */
  const value = doc.toJS()
  /** @type {any} */
  let workflow
  if (isMap(doc.contents) && value.jobs !== undefined) workflow = value
  else if (isMap(doc.contents) && (value.steps !== undefined || value['runs-on'] !== undefined)) {
    workflow = { on: 'push', jobs: { example: { 'runs-on': 'ubuntu-latest', ...value } } }
  } else if (isSeq(doc.contents)) workflow = { on: 'push', jobs: { example: { 'runs-on': 'ubuntu-latest', steps: value } } }
  else if (isMap(doc.contents) && Object.keys(value).every(key => ['permissions', 'concurrency', 'env'].includes(key))) {
    workflow = { on: 'push', ...value, jobs: { example: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'true' }] } } }
  } else return ['is neither a workflow, a job, a list of steps nor workflow keys: nothing to check it against']
  const problems = schemaErrors(validator.validateWorkflow(stringify(workflow)).errors).map(e => `fails the workflow schema: ${e}`)
  for (const job of /** @type {any[]} */ (Object.values(workflow.jobs ?? {}))) {
    for (const step of /** @type {any[]} */ (job?.steps ?? [])) {
      const uses = typeof step?.uses === 'string' ? step.uses : ''
      const inputs = step?.with ?? {}
      if (ACTION.test(uses) && String(inputs.issue) === 'true' && !inputs.integrations && !inputs['integrations-file']) {
        problems.push('keeps the tracking issue without integrations or integrations-file: it would check nothing and never open an issue')
      }
    }
  }
  return problems
}

/**
 * GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
 * @param {string} heading
 */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

/**
 * The anchors of a Markdown text's headings (code blocks left out).
 * @param {string} markdown
 */
export function anchors(markdown) {
  /** @type {Set<string>} */
  const found = new Set()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('```')) fenced = !fenced
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line)
    if (heading) found.add(slug(heading[1]))
  }
  return found
}

/**
 * The problems of a Markdown file: its YAML blocks and its relative links.
 * @param {string} markdown
 * @param {string} file its path from the project's root, for messages and relative links
 * @returns {string[]}
 */
export function checkMarkdown(markdown, file) {
  /** @param {string} path */
  const read = path => (existsSync(path) && path.endsWith('.md') ? readFileSync(path, 'utf8') : undefined)
  /** @type {string[]} */
  const problems = []
  for (const block of yamlBlocks(markdown)) for (const p of checkYaml(block.text)) problems.push(`${file}:${block.line}: the yaml block ${p}`)
  let fenced = false
  markdown.split('\n').forEach((line, index) => {
    if (line.trim().startsWith('```')) fenced = !fenced
    if (fenced) return
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('../../')) continue // other sites, and the badges' GitHub paths
      const [path, anchor] = target.split('#')
      const full = path === '' ? resolve(root, file) : resolve(dirname(resolve(root, file)), path)
      const text = read(full)
      if (text === undefined && !existsSync(full))
        problems.push(`${file}:${index + 1}: the link ${target} points at ${relative(root, full)}, which does not exist`)
      else if (anchor !== undefined && full.endsWith('.md') && !anchors(text ?? '').has(anchor)) {
        problems.push(`${file}:${index + 1}: the link ${target} names a heading that ${relative(root, full)} does not have`)
      }
    }
  })
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2)
  const targets =
    files.length > 0
      ? files
      : [
          'README.md',
          ...readdirSync(join(root, 'docs'))
            .filter(f => f.endsWith('.md'))
            .map(f => `docs/${f}`)
        ]
  const problems = targets.flatMap(file => checkMarkdown(readFileSync(resolve(root, file), 'utf8'), file))
  for (const p of problems) console.error(p)
  const blocks = targets.reduce((n, file) => n + yamlBlocks(readFileSync(resolve(root, file), 'utf8')).length, 0)
  if (problems.length > 0) process.exit(1)
  console.log(`${targets.length} Markdown files: ${blocks} yaml blocks parse and pass the workflow schema; every relative link resolves`)
}
