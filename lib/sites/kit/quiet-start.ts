/**
 * What every content script of ours gives WXT's `defineContentScript` beside its own options.
 *
 * WXT's content-script context tells an earlier run of the same script (an extension reloaded or
 * updated) that a newer one started, by a CustomEvent on the document and, for scripts built by older
 * WXT versions, by `window.postMessage` as well. That message reaches every `message` listener of the
 * page: `{ type: '<extension id>:arxiv-paper:wxt:content-script-started', contentScriptName, messageId }`.
 * It told each page we run on, and every third-party script on it, that the person has this extension
 * and which of its scripts ran there; a page whose listener takes any message for its own could trip on
 * it. All our scripts come from the same WXT, so the event alone does the job
 * (tests/e2e/privacy.spec.ts checks that a page hears nothing).
 *
 * Still there: the CustomEvent itself, dispatched on the page's document under a name that holds the
 * extension's id. A page script cannot read its detail (it stays in our world), but one that knows the
 * id (it is public) can listen for that name, if it runs before ours: the event is dispatched as our
 * script starts, at document_start before any script of the page, except in a page already open when
 * the script is put in (Firefox on install and update; the popup's "badge this page", anypage).
 * Removing it means replacing WXT's context.
 */
export const QUIET_START = { noScriptStartedPostMessage: true } as const;
