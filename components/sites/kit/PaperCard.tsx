import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PaperCardData } from '../../../lib/shared/messages';
import { hasCardDetails, paperFacts } from '../../../lib/sites/kit/paper-facts';
import { UpvoteBadge } from './UpvoteBadge';
import { EmphasisText } from '../../shared/EmphasisText';

export interface PaperCardProps {
  paper: PaperCardData;
  initiallyCollapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  /** What follows the card's first paint (its linked repositories and discussion). */
  children?: ComponentChildren;
}

/**
 * The fuller card on abstract and HTML pages: the badge, then (expanded) the one-line AI summary,
 * keywords, code, project page, organization and the day on Daily Papers. Every string is text (the
 * summary's `**bold**` as `<strong>` elements).
 */
export function PaperCard({ paper, initiallyCollapsed, onCollapsedChange, children }: PaperCardProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const details = hasCardDetails(paper);
  const keywords = paper.aiKeywords ?? [];
  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapsedChange(!collapsed);
  };
  return (
    <section class="dpl-card" aria-label="Daily Papers Lens: this paper on Hugging Face Daily Papers" data-testid="dpl-card">
      <div class="dpl-card-header">
        <span class="dpl-brand">Daily Papers Lens</span>
        <UpvoteBadge paper={paper} />
        {details && (
          <button type="button" class="dpl-toggle" aria-expanded={!collapsed} aria-controls="dpl-card-details" onClick={toggle}>
            {collapsed ? 'Show details' : 'Hide details'}
          </button>
        )}
      </div>
      {details && (
        <div id="dpl-card-details" hidden={collapsed} data-testid="dpl-card-details">
          {paper.aiSummary && (
            <p class="dpl-summary" data-testid="dpl-ai-summary">
              <EmphasisText text={paper.aiSummary} />
            </p>
          )}
          {keywords.length > 0 && (
            <ul class="dpl-keywords" aria-label="Keywords">
              {keywords.map((keyword) => (
                <li key={keyword}>{keyword}</li>
              ))}
            </ul>
          )}
          <dl class="dpl-facts">
            {paperFacts(paper).map((fact) => [
              <dt key={`${fact.label}-label`}>{fact.label}</dt>,
              <dd key={`${fact.label}-value`}>
                {fact.href ? (
                  <a href={fact.href} target="_blank" rel="noopener noreferrer">
                    {fact.text}
                  </a>
                ) : (
                  fact.text
                )}
                {fact.extra && ` ${fact.extra}`}
              </dd>,
            ])}
          </dl>
        </div>
      )}
      {children}
    </section>
  );
}
