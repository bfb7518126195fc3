/**
 * The shape of `GET /public/v1/integrations` and its strict validation. Pure.
 * Unknown extra fields and unknown platform identifiers are accepted; missing or mistyped
 * required fields are an error naming the element, never a guess.
 */
import { ResponseShapeError } from './errors.js'
import { isRecord } from './json.js'
import type { InputError } from '../shared/words.js'

export interface Customer {
  id: string
  name: string
}

export interface Integration {
  id: string
  name: string
  identifier: string
  picture: string | null
  disabled: boolean
  profile: string | null
  customer: Customer | null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Where a bad field is, for the message: built only when there is one. */
type Where = () => string

function optionalString(element: Record<string, unknown>, field: string, where: Where): string | null {
  const value = element[field]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw new ResponseShapeError(`${where()}: "${field}" is ${describe(value)}, expected a string or null`)
  return value
}

function requiredString(element: Record<string, unknown>, field: string, where: Where): string {
  const value = element[field]
  if (typeof value !== 'string')
    throw new ResponseShapeError(`${where()}: "${field}" is ${value === undefined ? 'missing' : describe(value)}, expected a string`)
  return value
}

function parseIntegration(element: unknown, index: number): Integration {
  const where = (): string => `element ${index}`
  if (!isRecord(element)) throw new ResponseShapeError(`${where()} is ${describe(element)}, expected an object`)
  const id = requiredString(element, 'id', where)
  if (id === '') throw new ResponseShapeError(`${where()}: "id" is empty`)
  // IDs go into the comma-separated integration-ids output and the posting steps' requests.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  const bad = /[\s,\u0000-\u001f\u007f-\u009f]/.exec(id)
  if (bad) {
    // eslint-disable-next-line no-control-regex -- as above
    const what = bad[0] === ',' ? 'a comma' : /[\u0000-\u001f\u007f-\u009f]/.test(bad[0]) ? 'a control character' : 'whitespace'
    throw new ResponseShapeError(`${where()}: "id" ${JSON.stringify(id).slice(0, 80)} contains ${what}; Postiz IDs never do`)
  }
  const at = (): string => `${where()} (id ${JSON.stringify(id).slice(0, 80)})`
  const disabled = element.disabled
  if (typeof disabled !== 'boolean') {
    throw new ResponseShapeError(`${at()}: "disabled" is ${disabled === undefined ? 'missing' : describe(disabled)}, expected true or false`)
  }
  let customer: Customer | null = null
  const rawCustomer = element.customer
  if (rawCustomer !== undefined && rawCustomer !== null) {
    if (!isRecord(rawCustomer)) throw new ResponseShapeError(`${at()}: "customer" is ${describe(rawCustomer)}, expected an object`)
    const inCustomer = (): string => `${at()} customer`
    customer = { id: requiredString(rawCustomer, 'id', inCustomer), name: optionalString(rawCustomer, 'name', inCustomer) ?? '' }
  }
  return {
    id,
    name: requiredString(element, 'name', at),
    identifier: requiredString(element, 'identifier', at),
    picture: optionalString(element, 'picture', at),
    disabled,
    profile: optionalString(element, 'profile', at),
    customer
  }
}

/** Validates a parsed JSON body and returns the integrations it holds. */
export function parseIntegrations(body: unknown): Integration[] {
  if (!Array.isArray(body)) {
    const hint = isRecord(body) && 'msg' in body ? ` (it says: ${JSON.stringify(body.msg).slice(0, 200)})` : ''
    throw new ResponseShapeError(`the response is ${describe(body)}, expected a JSON array of integrations${hint}`)
  }
  const integrations = body.map(parseIntegration)
  const seen = new Map<string, number>()
  integrations.forEach((integration, index) => {
    const first = seen.get(integration.id)
    if (first !== undefined) {
      throw new ResponseShapeError(
        `elements ${first} and ${index} have the same "id" ${JSON.stringify(integration.id).slice(0, 80)}; Postiz never returns one ID twice`
      )
    }
    seen.set(integration.id, index)
  })
  return integrations
}

/** Integrations of one customer, given by ID or exact name. */
export function filterByCustomer(integrations: Integration[], customer: string | undefined): Integration[] {
  if (customer === undefined) return integrations
  return integrations.filter(i => i.customer !== null && (i.customer.id === customer || i.customer.name === customer))
}

/**
 * An input error when `customer` is a name that several customers share (and no customer's ID):
 * the channels of all of them would be checked, and their posts read for only one. Undefined when
 * the customer is an ID, a unique name, or unknown.
 */
export function ambiguousCustomer(integrations: Integration[], customer: string | undefined): InputError | undefined {
  if (customer === undefined) return undefined
  const ids = new Set<string>()
  for (const i of integrations) {
    if (i.customer === null) continue
    if (i.customer.id === customer) return undefined
    if (i.customer.name === customer) ids.add(i.customer.id)
  }
  if (ids.size < 2) return undefined
  const listed = [...ids].slice(0, 10)
  return {
    input: 'customer',
    problem: [
      `"${customer}" is the name of ${ids.size} customers (IDs ${listed.join(', ')}${ids.size > 10 ? ', …' : ''}); give the ID of the one to check instead`
    ]
  }
}
