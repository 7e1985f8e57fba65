/**
 * The Petri nets replay runs on: places by index, transitions with an activity label or none
 * (invisible: gateways, τ, events), one source place marked at the start and one sink place the
 * case must end in.
 */
export interface PetriNet {
  /** Names for reports: the BPMN flow or element a place stands for. */
  readonly places: readonly string[]
  readonly transitions: readonly Transition[]
  readonly source: number
  readonly sink: number
}

export interface Transition {
  /** The BPMN element (or tree node) it comes from, for reports. */
  readonly element: string
  /** The activity it records; null = invisible. */
  readonly label: string | null
  readonly inputs: readonly number[]
  readonly outputs: readonly number[]
  /**
   * An inclusive join: fires on whichever of its inputs are marked, once no token is left on
   * the places listed here (those from which one could still reach an unmarked input).
   */
  readonly orJoin?: { readonly upstream: readonly number[] }
}

/** Builds a net; places and transitions are appended and referred to by index. */
export class NetBuilder {
  private readonly placeNames: string[] = []
  private readonly list: Transition[] = []

  place(name: string): number {
    this.placeNames.push(name)
    return this.placeNames.length - 1
  }

  transition(
    element: string,
    label: string | null,
    inputs: readonly number[],
    outputs: readonly number[],
  ): void {
    this.list.push({ element, label, inputs, outputs })
  }

  orJoin(element: string, inputs: readonly number[], output: number): void {
    this.list.push({ element, label: null, inputs, outputs: [output], orJoin: { upstream: [] } })
  }

  build(source: number, sink: number): PetriNet {
    const transitions = this.list.map((t) =>
      t.orJoin ? { ...t, orJoin: { upstream: upstreamOf(this.list, t) } } : t,
    )
    return { places: this.placeNames, transitions, source, sink }
  }
}

/** Places from which some input of the join can be reached without firing the join itself. */
function upstreamOf(transitions: readonly Transition[], join: Transition): number[] {
  const inputs = new Set(join.inputs)
  const seen = new Set<number>(join.inputs)
  const queue = [...join.inputs]
  for (let place = queue.pop(); place !== undefined; place = queue.pop()) {
    for (const t of transitions) {
      if (t === join || !t.outputs.includes(place)) continue
      for (const input of t.inputs) {
        if (seen.has(input)) continue
        seen.add(input)
        queue.push(input)
      }
    }
  }
  return [...seen].filter((p) => !inputs.has(p))
}
