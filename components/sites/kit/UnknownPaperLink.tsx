import { hfPaperUrl } from '../../../lib/shared/paper';

/** On a paper page HF does not know: a quiet link to the paper's HF page, where it can be added. */
export function UnknownPaperLink({ id }: { id: string }) {
  return (
    <a
      class="dpl-quiet"
      href={hfPaperUrl(id)}
      target="_blank"
      rel="noopener noreferrer"
      title="Daily Papers Lens: Hugging Face Daily Papers has no entry for this paper yet"
      data-testid="dpl-unknown"
    >
      🤗 Not on Hugging Face Daily Papers yet · open it on Hugging Face, where it can be added
    </a>
  );
}
