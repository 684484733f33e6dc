/** How a stable error code is answered over HTTP. Titles are Chinese: clerks read them. */
export interface ErrorSpec {
  readonly status: number;
  readonly title: string;
}

export type ErrorCatalogPart = Record<string, ErrorSpec>;
