// bpmn-moddle ships element types (bpmn-moddle/types) but none for its `BpmnModdle` export.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string
    id?: string
    name?: string
    $attrs?: Record<string, string>
    [key: string]: unknown
  }
  export interface ParseWarning {
    message: string
    element?: ModdleElement
    property?: string
    value?: unknown
  }
  export interface ParseResult {
    rootElement: ModdleElement
    warnings: ParseWarning[]
    references: unknown[]
    elementsById: Record<string, ModdleElement>
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>)
    fromXML(xml: string, typeName?: string): Promise<ParseResult>
    /** A new element of a type such as 'bpmn:UserTask', with its properties set. */
    create(type: string, properties?: Record<string, unknown>): ModdleElement
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>
  }
}
