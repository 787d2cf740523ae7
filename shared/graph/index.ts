/** Flow graphs: the model, validation, the graph → TypeScript compiler and the TypeScript → graph parser. */
export * from "./model.ts";
export { compileGraph, subflowSpecifier, type CompiledFlow, type CompiledSpan, type SpanRole } from "./compile/index.ts";
export { parseFlowSource, type ParseResult, type ParseFailure, type SourceProblem } from "./parse/index.ts";
export { validateGraph, validateGraphJson, type Validation, type GraphProblem, type ProblemCode } from "./validate/index.ts";
export { normalizeGraph } from "./normalize.ts";
export { normalizeCode } from "./code-text.ts";
export { identFromTitle } from "./names.ts";
export { checkConnection, portsOf, type ConnectionRequest, type ConnectionCheck, type NodePorts } from "./connect.ts";
export { TEMPLATES, nodeFromTemplate, withTemplateImports, type Template } from "./templates.ts";
export { codeSyntaxErrors } from "./syntax.ts";
export { buildRunGraph, taskRunsByNode, type RunGraph, type RunGraphNode } from "./run-graph.ts";
