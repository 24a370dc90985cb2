/** Whether `tz` is an IANA timezone this runtime knows, such as Europe/Berlin. */
export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A valid zone as it is stored and shown: the canonical spelling when the typed name is that
 * zone in other letter case (`europe/berlin` is Europe/Berlin), otherwise the name as typed
 * (`CET` stays CET rather than becoming the Europe/Brussels the runtime resolves it to), so
 * confirmations, `/sco subscriptions` and previews all show what the person chose.
 */
export function shownZone(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  return zone.includes('/') ? zone : zone.toUpperCase();
}
