/** Discord's message limits (developer docs: Message Resource, Embed Limits, Components). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, fields, footer and author in one message. */
  embedCharsPerMessage: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  /** Nonces are integers or strings of at most 25 characters. */
  nonce: 25,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  subcommands: 25,
  commandDescription: 100,
} as const;

/** Discord's API error codes the bot tells apart. */
export const API_CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownInteraction: 10062,
  missingAccess: 50001,
  missingPermissions: 50013,
} as const;
