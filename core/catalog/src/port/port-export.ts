/** A Port property: JSON Schema with Port's extras (icons, enum colours, spec). */
export interface PortProperty {
  type?: string;
  format?: string;
  title?: string;
  [key: string]: unknown;
}

export interface PortRelation {
  title?: string;
  target: string;
  many?: boolean;
  required?: boolean;
}

export interface PortMirrorProperty {
  title?: string;
  path: string;
}

export interface PortCalculationProperty {
  title?: string;
  type?: string;
  calculation: string;
  [key: string]: unknown;
}

export interface PortAggregationProperty {
  title?: string;
  type?: string;
  target: string;
  calculationSpec: { calculationBy?: 'entities' | 'property'; func?: string; property?: string; averageOf?: string; measureTimeBy?: string };
  query?: unknown;
  pathFilter?: unknown;
}

/**
 * A blueprint as Port's API returns it (`GET /v1/blueprints`).
 * @alpha
 */
export interface PortBlueprint {
  identifier: string;
  title?: string;
  description?: string;
  icon?: string;
  schema?: { properties?: Record<string, PortProperty>; required?: string[] };
  relations?: Record<string, PortRelation>;
  mirrorProperties?: Record<string, PortMirrorProperty>;
  calculationProperties?: Record<string, PortCalculationProperty>;
  aggregationProperties?: Record<string, PortAggregationProperty>;
}

/**
 * An entity as Port's API returns it (`GET /v1/blueprints/{id}/entities`).
 * @alpha
 */
export interface PortEntity {
  identifier: string;
  title?: string;
  blueprint: string;
  team?: string | string[];
  properties?: Record<string, unknown>;
  relations?: Record<string, string | string[] | null>;
}

/**
 * What `portico catalog import port` reads: Port's blueprints and entities in one JSON document.
 * @alpha
 */
export interface PortExport {
  blueprints: PortBlueprint[];
  entities: PortEntity[];
}
