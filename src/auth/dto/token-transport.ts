export const TOKEN_TRANSPORTS = ['bearer', 'cookie'] as const;
export type TokenTransportChoice = (typeof TOKEN_TRANSPORTS)[number];
