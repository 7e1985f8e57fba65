import type { ElkNode } from 'elkjs/lib/elk-api.js'
import elkBundled from 'elkjs/lib/elk.bundled.js'
import type { DirectlyFollowsGraph } from '../discovery/dfg.js'

// elkjs is CommonJS: Node gives the default import its module.exports (the constructor).
const ELK = elkBundled as unknown as typeof elkBundled.default

const START = '\u0000start'
const END = '\u0000end'
const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  )

interface Arc {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly count: number
}

/** The arcs drawn: the most frequent edges (and start/end arcs), at most `maxEdges`. */
function arcsOf(dfg: DirectlyFollowsGraph, maxEdges: number): Arc[] {
  const arcs: Omit<Arc, 'id'>[] = [
    ...dfg.startActivities.map((s) => ({ from: START, to: s.activity, count: s.count })),
    ...dfg.edges.map((e) => ({ from: e.from, to: e.to, count: e.count })),
    ...dfg.endActivities.map((s) => ({ from: s.activity, to: END, count: s.count })),
  ]
    .sort((a, b) => b.count - a.count)
    .slice(0, maxEdges)
  return arcs.map((arc, i) => ({ ...arc, id: `e${i}` }))
}

/**
 * The directly-follows graph as an SVG drawing laid out by ELK's layered algorithm (top to
 * bottom): a box per activity with its frequency, arcs thicker the more often they are taken.
 */
export async function dfgSvg(dfg: DirectlyFollowsGraph, maxEdges = 40): Promise<string> {
  const arcs = arcsOf(dfg, maxEdges)
  const used = new Set(arcs.flatMap((a) => [a.from, a.to]))
  const events = new Map(dfg.activities.map((a) => [a.activity, a.events]))
  // Model order: start, the activities most frequent first, end — so cycles break sensibly.
  const order = [START, ...dfg.activities.map((a) => a.activity), END].filter((id) => used.has(id))
  const nodes = order.map((id) => {
    const terminal = id === START || id === END
    const label = terminal ? '' : `${id} (${events.get(id) ?? 0})`
    const wide = [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0)
    return { id, label, width: terminal ? 24 : Math.ceil(24 + wide), height: terminal ? 24 : 36 }
  })
  const ids = new Map(nodes.map((n, i) => [n.id, `n${i}`]))
  const graph: ElkNode = {
    id: 'dfg',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '45',
      'elk.edgeLabels.inline': 'true',
    },
    children: nodes.map((n) => ({ id: ids.get(n.id) as string, width: n.width, height: n.height })),
    edges: arcs.map((a) => ({
      id: a.id,
      sources: [ids.get(a.from) as string],
      targets: [ids.get(a.to) as string],
      labels: [{ text: String(a.count), width: 8 * String(a.count).length, height: 12 }],
    })),
  }
  const laid = await new ELK().layout(graph)
  const max = Math.max(1, ...arcs.map((a) => a.count))
  const parts: string[] = []
  for (const edge of laid.edges ?? []) {
    const arc = arcs.find((a) => a.id === edge.id) as Arc
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
      const d = points
        .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
        .join(' ')
      const width = (1 + (4 * arc.count) / max).toFixed(1)
      parts.push(
        `<path d="${d}" fill="none" stroke="#5b7db1" stroke-width="${width}" marker-end="url(#arrow)"/>`,
      )
    }
    for (const label of edge.labels ?? []) {
      parts.push(
        `<text x="${(label.x ?? 0).toFixed(1)}" y="${((label.y ?? 0) + 10).toFixed(1)}" class="count">${arc.count}</text>`,
      )
    }
  }
  for (const child of laid.children ?? []) {
    const node = nodes.find((n) => ids.get(n.id) === child.id) as (typeof nodes)[number]
    const x = child.x ?? 0
    const y = child.y ?? 0
    if (node.id === START || node.id === END) {
      const fill = node.id === START ? '#3c9a5f' : '#b33c3c'
      parts.push(
        `<circle cx="${x + 12}" cy="${y + 12}" r="11" fill="${fill}"><title>${node.id === START ? '开始 start' : '结束 end'}</title></circle>`,
      )
      continue
    }
    parts.push(
      `<rect x="${x}" y="${y}" width="${node.width}" height="${node.height}" rx="6" fill="#eef3fb" stroke="#5b7db1"/>` +
        `<text x="${x + node.width / 2}" y="${y + 23}" text-anchor="middle">${escape(node.label)}</text>`,
    )
  }
  const width = Math.ceil(laid.width ?? 0) + 20
  const height = Math.ceil(laid.height ?? 0) + 20
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="12">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b7db1"/></marker></defs>` +
    `<style>.count{fill:#555;font-size:10px}</style>${parts.join('')}</svg>`
  )
}
