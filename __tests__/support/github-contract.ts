/**
 * GitHub's REST contract, from its official OpenAPI description (`@octokit/openapi`, api.github.com):
 * a request is held to its operation's method and path, path and query parameters (types, enums,
 * no parameter the operation does not declare) and JSON body schema (AJV). The description is read
 * once per process, each operation's validators compiled once. A GraphQL request is held to
 * GitHub's GraphQL schema (`@octokit/graphql-schema`), read once as well.
 */
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Ajv as AjvClass } from 'ajv'

type Json = Record<string, unknown>
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Json
}
interface Operation {
  template: string
  pattern: RegExp
  /** The path's parameters, in order. */
  names: string[]
  method: string
  /** The operation as the description has it, and the description its $refs point into. */
  raw: Json
  root: Json
}

const require = createRequire(import.meta.url)
/** AJV is CommonJS: its class is the module's `default`. */
const Ajv = (require('ajv') as { default: typeof AjvClass }).default
/** Formats and examples are annotations here, not checks; `nullable` is rewritten as JSON Schema (below). */
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
/** Parameters arrive as text: "100" is an integer for per_page, as GitHub reads it. */
const coercing = new Ajv({ allErrors: true, strict: false, validateFormats: false, coerceTypes: true })

let operations: Operation[] | undefined

/** Resolves every local `$ref` (#/components/…) in `value`, so that each schema stands alone. */
function resolve(value: unknown, root: Json, seen: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map(item => resolve(item, root, seen))
  if (typeof value !== 'object' || value === null) return value
  const record = value as Json
  if (typeof record.$ref === 'string') {
    const ref = record.$ref
    if (seen.has(ref)) return {} // a cycle: accept anything below it
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root)
    return resolve(target, root, new Set([...seen, ref]))
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolve(item, root, seen)]))
}

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes `null` among the types (and in an
 * enum), or an alternative beside a schema that has no type of its own (a `oneOf`).
 */
function jsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonSchema)
  if (typeof value !== 'object' || value === null) return value
  const { nullable, ...rest } = Object.fromEntries<unknown>(Object.entries(value as Json).map(([key, item]) => [key, jsonSchema(item)]))
  if (nullable !== true) return rest
  if (typeof rest.type === 'string') {
    const withNull: Json = { ...rest, type: [rest.type, 'null'] }
    if (Array.isArray(rest.enum)) withNull.enum = [...(rest.enum as unknown[]), null]
    return withNull
  }
  return { anyOf: [rest, { type: 'null' }] }
}

function load(): Operation[] {
  if (operations) return operations
  const description = require('@octokit/openapi/generated/api.github.com.json') as { paths: Record<string, Record<string, Json>> } & Json
  operations = []
  for (const [template, item] of Object.entries(description.paths)) {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map(m => m[1])
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`)
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue
      operations.push({ template, pattern, names, method: method.toUpperCase(), raw: operation, root: description })
    }
  }
  return operations
}

const prepared = new WeakMap<Operation, { parameters: Parameter[]; body?: { required: boolean; validate: ReturnType<typeof ajv.compile> } }>()

/** The operation's parameters and body, resolved and compiled the first time it is asked for. */
function prepare(operation: Operation): NonNullable<ReturnType<typeof prepared.get>> {
  const done = prepared.get(operation)
  if (done) return done
  const { raw, root } = operation
  const parameters = (jsonSchema(resolve(raw.parameters ?? [], root)) as Parameter[]).filter(p => p.in === 'path' || p.in === 'query')
  const requestBody = jsonSchema(resolve(raw.requestBody, root)) as { required?: boolean; content?: Record<string, { schema?: Json }> } | undefined
  const schema = requestBody?.content?.['application/json']?.schema
  const result = { parameters, ...(schema ? { body: { required: requestBody?.required ?? false, validate: ajv.compile(schema) } } : {}) }
  prepared.set(operation, result)
  return result
}

const parameterValidators = new WeakMap<Json, ReturnType<typeof coercing.compile>>()

/** What is wrong with a parameter's text by its schema (read as GitHub reads it: "100" is an integer), or nothing. */
function validParameter(schema: Json, value: string): string | undefined {
  let validate = parameterValidators.get(schema)
  if (!validate) {
    // Coercion changes a property in place: the value sits in an object so that it can.
    validate = coercing.compile({ type: 'object', properties: { value: schema } })
    parameterValidators.set(schema, validate)
  }
  return validate({ value }) ? undefined : coercing.errorsText(validate.errors, { dataVar: '' })
}

/**
 * What is wrong with a request by GitHub's description, or nothing. `path` is the URL's path,
 * `query` its parameters, `body` the parsed JSON body (undefined when there was none).
 */
export function contractViolations(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
  const candidates = load().filter(op => op.method === method && op.pattern.test(path))
  // A literal segment beats a template one (/user/repos before /users/{username}): the fewest parameters win.
  const operation = candidates.sort((a, b) => a.names.length - b.names.length)[0]
  if (!operation) return [`${method} ${path}: no such operation in GitHub's REST description`]
  const where = `${method} ${operation.template}`
  const { parameters, body: bodySpec } = prepare(operation)
  const problems: string[] = []
  const values = operation.pattern.exec(path)?.slice(1) ?? []
  operation.names.forEach((name, i) => {
    const spec = parameters.find(p => p.in === 'path' && p.name === name)
    const problem = spec?.schema ? validParameter(spec.schema, decodeURIComponent(values[i])) : undefined
    if (problem) problems.push(`${where}: path parameter ${name} ${problem}`)
  })
  for (const [name, value] of query) {
    const spec = parameters.find(p => p.in === 'query' && p.name === name)
    if (!spec) {
      problems.push(`${where}: query parameter ${name} is not one of the operation's`)
      continue
    }
    const problem = spec.schema ? validParameter(spec.schema, value) : undefined
    if (problem) problems.push(`${where}: query parameter ${name}=${value} ${problem}`)
  }
  for (const spec of parameters)
    if (spec.in === 'query' && spec.required && !query.has(spec.name)) problems.push(`${where}: query parameter ${spec.name} is required`)
  if (body !== undefined && !bodySpec) problems.push(`${where}: takes no body`)
  if (body === undefined && bodySpec?.required) problems.push(`${where}: needs a JSON body`)
  if (body !== undefined && bodySpec && !bodySpec.validate(body)) {
    problems.push(`${where}: body ${ajv.errorsText(bodySpec.validate.errors, { dataVar: '' })}`)
  }
  return problems
}

let graphqlSchema: GraphQLSchema | undefined

/**
 * What is wrong with a GraphQL request by GitHub's schema, or nothing. The published schema defines
 * a few fields twice, so it is read as valid rather than checked (its own problem, not the query's).
 */
export function graphqlViolations(body: unknown): string[] {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined
  if (typeof query !== 'string') return ['POST /graphql: the body has no query']
  // The package exports only its JavaScript; the schema's text sits beside it.
  graphqlSchema ??= buildSchema(readFileSync(new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url), 'utf8'), {
    assumeValidSDL: true
  })
  try {
    return validate(graphqlSchema, parse(query)).map(error => `POST /graphql: ${error.message}`)
  } catch (error) {
    return [`POST /graphql: ${error instanceof Error ? error.message : String(error)}`]
  }
}
