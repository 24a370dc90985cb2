/** Whether `tz` is an IANA timezone this runtime knows, such as Europe/Berlin. */
export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
