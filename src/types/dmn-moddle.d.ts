// dmn-moddle ships no types; this declares the factory and the parse result tongban reads.
declare module 'dmn-moddle' {
  export interface DmnElement {
    readonly $type: string
    readonly id?: string
    readonly name?: string
    readonly [key: string]: unknown
  }
  export interface DmnParseResult {
    rootElement: DmnElement
    warnings: { message: string }[]
    references: unknown[]
    elementsById: Record<string, DmnElement>
  }
  export interface DmnModdleInstance {
    /** Rejects with an Error (and `warnings`) when the XML cannot be read as DMN. */
    fromXML(xml: string, typeName?: string): Promise<DmnParseResult>
  }
  /** The DMN 1.3 moddle with its standard packages; callable with or without `new`. */
  export function DmnModdle(packages?: Record<string, unknown>): DmnModdleInstance
}
