/**
 * The title index (lib/shared/title-index.ts) on a tab of a site whose pages seldom name a paper by
 * title (X: a paper site's link card): asked for only when the page first shows a title to match, so a
 * timeline without one is never sent a year of titles (3 MB at 40,000 papers). Until it arrives no
 * title matches; when it does, `arrived` lets the page be read again. Asked once: a failed ask counts as
 * an empty index. Local data only, as the badge index.
 */
import { TitleIndex, type TitleMatcher } from '../../shared/title-index';

export class LazyTitleIndex implements TitleMatcher {
  private index: TitleIndex | undefined;
  private asked = false;

  constructor(
    /** One `titleIndex` message: the index's text. */
    private readonly fetch: () => Promise<string>,
    /** The index is here: read the page again. Not called for a failed ask. */
    private readonly arrived: () => void,
  ) {}

  match(displayed: string): string | undefined {
    if (this.index) return this.index.match(displayed);
    if (!this.asked) {
      this.asked = true;
      this.fetch().then(
        (text) => {
          this.index = new TitleIndex(text);
          this.arrived();
        },
        () => {
          this.index = new TitleIndex('');
        },
      );
    }
    return undefined;
  }
}
