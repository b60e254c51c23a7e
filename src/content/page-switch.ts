/**
 * The keyboard shortcut's switch: highlighting on or off on this page alone,
 * over what the stored settings say for its site, until the page is left or
 * the site switch itself changes.
 */
import { type Settings, siteEnabled, withSite } from '../core/settings';

export class PageSwitch {
  /** On or off for this page, or undefined to follow the stored settings. */
  private override: boolean | undefined;

  constructor(
    private stored: Settings,
    private readonly host: string,
  ) {}

  /** The settings this page runs under. */
  get settings(): Settings {
    return this.override === undefined ? this.stored : withSite(this.stored, this.host, this.override);
  }

  get enabled(): boolean {
    return siteEnabled(this.settings, this.host);
  }

  /** New stored settings; a change of the site switch wins over the shortcut. */
  update(stored: Settings): void {
    if (siteEnabled(stored, this.host) !== siteEnabled(this.stored, this.host)) this.override = undefined;
    this.stored = stored;
  }

  /** Flips highlighting on this page; returns whether it is now on. */
  toggle(): boolean {
    this.override = !this.enabled;
    return this.override;
  }
}
