import { describe, expect, it } from 'vitest'
import { createFramer, type Framed } from './csv-framer.js'

const frame = (text: string, maxRecordLines = 100): Framed[] => {
  const framer = createFramer({
    delimiter: ',',
    trim: true,
    encoding: 'utf-8',
    maxRecordChars: 1000,
    maxRecordLines,
  })
  const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t, overlong: false }))
  return [...lines.flatMap((l) => framer.push(l)), ...framer.end()]
}

const summary = (items: Framed[]) =>
  items.map((item) => (item.kind === 'record' ? item.line : `${item.line}:${item.reason.code}`))

describe('the CSV record framer', () => {
  it('joins a quoted field that spans lines into one record starting on its first line', () => {
    const items = frame('h\n1,"two\nlines",3\n4,x,y')
    expect(summary(items)).toEqual([1, 2, 4])
    expect(items[1]).toMatchObject({ text: '1,"two\nlines",3' })
  })

  it('reports an unclosed quote on its line and reads the following lines again', () => {
    const items = frame('h\n1,"open,2\n3,x,y\n4,x,y')
    expect(summary(items)).toEqual([1, '2:GOVERNANCE_INPUT_UNCLOSED_QUOTE', 3, 4])
  })

  it('gives up on a quote still open after the line limit', () => {
    const items = frame('h\n1,"open\na\nb\nc\n"closed"', 3)
    expect(summary(items)).toEqual([1, '2:GOVERNANCE_INPUT_UNCLOSED_QUOTE', 3, 4, 5, 6])
  })

  it('skips blank lines and refuses undecodable text', () => {
    expect(summary(frame('h\n\n  \n1,\uFFFD'))).toEqual([1, '4:GOVERNANCE_INPUT_UNDECODABLE'])
  })
})
