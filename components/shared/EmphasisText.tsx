import { emphasisRuns } from '../../lib/shared/emphasis';

/** HF text with its `**bold**` shown as `<strong>` elements; every run is a text node, never HTML. */
export function EmphasisText({ text }: { text: string }) {
  return <>{emphasisRuns(text).map((run, i) => (run.strong ? <strong key={i}>{run.text}</strong> : run.text))}</>;
}
