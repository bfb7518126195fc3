import { describe, expect, it } from '@jest/globals'
import { filterByCustomer, parseIntegrations } from '../src/postiz/integrations.js'

const backendElement = { id: 'cm1', name: 'A', identifier: 'x', picture: null, disabled: false, profile: null }

describe('parseIntegrations', () => {
  it('accepts the backend shape: nulls, customer absent, unknown fields and platforms', () => {
    const parsed = parseIntegrations([
      backendElement,
      { ...backendElement, id: 'cm2', identifier: 'brand-new-network', extra: 1, customer: { id: 'c', name: 'C' } }
    ])
    expect(parsed).toEqual([
      { ...backendElement, customer: null },
      { ...backendElement, id: 'cm2', identifier: 'brand-new-network', customer: { id: 'c', name: 'C' } }
    ])
  })

  it.each([
    [{ a: 1 }, /the response is an object, expected a JSON array/],
    [{ msg: 'nope' }, /it says: "nope"/],
    ['[]', /the response is a string/],
    [[null], /element 0 is null, expected an object/],
    [[{ ...backendElement, id: 5 }], /element 0: "id" is a number, expected a string/],
    [[{ name: 'x' }], /element 0: "id" is missing/],
    [[{ ...backendElement, id: '' }], /"id" is empty/],
    [[{ ...backendElement, disabled: 'no' }], /"disabled" is a string, expected true or false/],
    [[{ ...backendElement, identifier: null }], /"identifier" is null, expected a string/],
    [[{ ...backendElement, customer: 'c' }], /"customer" is a string/]
  ])('rejects %j', (body, message) => {
    expect(() => parseIntegrations(body)).toThrow(message)
  })
})

describe('filterByCustomer', () => {
  it('keeps only the customer, by ID or by exact name', () => {
    const list = parseIntegrations([backendElement, { ...backendElement, id: 'cm2', customer: { id: 'c', name: 'Acme' } }])
    expect(filterByCustomer(list, 'c').map(i => i.id)).toEqual(['cm2'])
    expect(filterByCustomer(list, 'Acme').map(i => i.id)).toEqual(['cm2'])
    expect(filterByCustomer(list, 'acme')).toEqual([])
    expect(filterByCustomer(list, undefined)).toHaveLength(2)
  })
})

describe('parseIntegrations IDs', () => {
  it.each([
    ['cmA,cmB', /element 0: "id" "cmA,cmB" contains a comma; Postiz IDs never do/],
    ['cm A', /"id" "cm A" contains whitespace/],
    ['cm\u00a0A', /"id" "cm\u00a0A" contains whitespace/],
    ['cmC\ncmD', /"id" "cmC\\ncmD" contains a control character/],
    ['cm\u0085', /contains a control character/]
  ])('refuses the ID %j, naming it', (id, message) => {
    expect(() => parseIntegrations([{ ...backendElement, id }])).toThrow(message)
  })

  it('refuses one ID twice, naming both elements', () => {
    expect(() => parseIntegrations([backendElement, { ...backendElement, id: 'cm2' }, backendElement])).toThrow(
      /^elements 0 and 2 have the same "id" "cm1"; Postiz never returns one ID twice$/
    )
  })

  it('accepts IDs named like Object.prototype members', () => {
    const names = Object.getOwnPropertyNames(Object.prototype)
    expect(parseIntegrations(names.map(id => ({ ...backendElement, id }))).map(i => i.id)).toEqual(names)
  })
})
