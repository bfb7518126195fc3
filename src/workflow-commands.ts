/**
 * The runner's side of an action, as GitHub documents it ("Workflow commands for GitHub Actions"):
 * inputs from INPUT_<NAME> variables, `::command key=value::message` lines on stdout, and the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Only what this action uses, written to match
 * @actions/core byte for byte (a contract test compares the two), without loading its import
 * graph (@actions/http-client and undici), which costs more start-up time than the whole check.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

export interface AnnotationProperties {
  title?: string
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** One workflow command line, e.g. `::warning title=Postiz::text`. */
export function commandLine(command: string, properties: Record<string, string | undefined>, message: string): string {
  // Like @actions/core: a space after the command whenever properties are given, even all empty.
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value as string)}`)
  return `::${command}${Object.keys(properties).length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`
}

/** Annotation properties as @actions/core passes them: none at all when none were given. */
function annotation(properties: AnnotationProperties): Record<string, string | undefined> {
  return Object.keys(properties).length > 0 ? { title: properties.title } : {}
}

function issue(command: string, properties: Record<string, string | undefined>, message: string): void {
  process.stdout.write(commandLine(command, properties, message) + EOL)
}

/** The input as the runner passes it (INPUT_<NAME>), trimmed unless asked not to; '' when unset. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  return options.trimWhitespace === false ? value : value.trim()
}

/** Asks the runner to mask this value in the log from now on. */
export function setSecret(secret: string): void {
  issue('add-mask', {}, secret)
}

/** Writes a log line (several, if the text has newlines). */
export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** A line shown only with step debug logging on. */
export function debug(message: string): void {
  issue('debug', {}, message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', annotation(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', annotation(properties), message)
}

/** An error annotation, and the step fails when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Appends a line to one of the runner's environment files; the runner creates it, so it must exist. */
function appendToFile(variable: string, text: string): void {
  const path = process.env[variable]
  if (!path) throw new Error(`Unable to find environment variable for file command ${variable.replace(/^GITHUB_/, '')}`)
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, text, { encoding: 'utf8' })
}

/** Sets a step output in GITHUB_OUTPUT, as `name<<delimiter` … `delimiter` with a random delimiter. */
export function setOutput(name: string, value: string): void {
  if (!process.env.GITHUB_OUTPUT) {
    // Outside a current runner (no GITHUB_OUTPUT): the deprecated command, as @actions/core falls back to.
    process.stdout.write(EOL)
    issue('set-output', { name }, value)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: the output ${name} contains the delimiter "${delimiter}"`)
  appendToFile('GITHUB_OUTPUT', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY); throws when it is not set or missing. */
export function appendSummary(markdown: string): void {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
  }
  appendToFile('GITHUB_STEP_SUMMARY', markdown)
}
