/**
 * Block Kit's published limits, in one place so rendering and tests agree. We stay a little
 * under some of them where Slack counts differently from JavaScript (entities, surrogate pairs).
 */
export const LIMITS = {
  blocksPerMessage: 50,
  /** section text, context element text */
  sectionText: 3000,
  headerText: 150,
  buttonLabel: 75,
  buttonValue: 2000,
  actionId: 255,
  buttonsPerActions: 25,
  contextElements: 10,
  url: 3000,
  /** Top-level `text` of a message with blocks: only notifications show it. */
  fallbackText: 3000,
  /**
   * Our own cap on the text of one message: Slack refuses very large block payloads
   * (`msg_blocks_too_long`) well before 50 full sections, so longer replies become several messages.
   */
  charsPerMessage: 12000,
} as const;
