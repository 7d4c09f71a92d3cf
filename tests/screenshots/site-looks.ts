/**
 * The fixture pages copy arXiv's and GitHub's markup, and of their stylesheets only the rules that lay
 * out what the tests check (arXiv's listings, search and abstract pages). For the pictures, these few
 * rules stand in for the rest of the sites' own look, so that what the extension adds is seen in a
 * familiar place (the abstract page's title keeps arXiv's 20 px indent, which the card follows). They
 * style the pages only: the extension's UI is as built.
 */
export const ARXIV_LOOK = `
body { margin: 0; font: 15px/1.45 "Lucida Grande", Helvetica, Arial, sans-serif; color: #222; background: #fff; }
a { color: #0068ac; text-decoration: none; }
.is-sr-only, .ds-skip-link, #support-ack, a[href="#content"], a[href="#main"] { position: absolute; left: -9999px; }
#cu-identity, .ds-site-header { background: #b31b1b; color: #fff; padding: 10px 24px; display: flex; align-items: center; gap: 24px; }
#cu-identity a, .ds-site-header a { color: #fff; font-weight: 600; }
#header { background: #b31b1b; padding: 4px 24px 12px; display: flex; justify-content: space-between; align-items: center; color: #fff; }
#header a { color: #fff; }
input, select, button { font: inherit; font-size: 13px; }
#content, #abs-outer, main { padding: 8px 24px; }
#abs-outer { display: flex; gap: 32px; }
.leftcolumn { flex: 1; min-width: 0; }
.extra-services { width: 230px; font-size: 13px; border-left: 1px solid #ddd; padding-left: 16px; }
.extra-services ul { padding-left: 16px; }
.extra-services h2 { font-size: 16px; }
.subheader h1 { font-size: 16px; font-weight: normal; color: #555; margin: 8px 0; }
#abs h1.title { font-size: 22px; margin: 8px 0 12px 20px; }
.descriptor { color: #666; font-size: 13px; margin-right: 6px; }
.mobile-submission-download { display: none; }
blockquote.abstract { margin: 12px 0; font-size: 14px; }
.metatable, .submission-history { font-size: 13px; }
h1 { font-size: 24px; } h2, h3 { font-size: 18px; }
dl#articles dt { margin-top: 14px; }
dl#articles dd { margin-left: 32px; }
.list-title { font-size: 16px; }
.list-authors, .list-comments, .list-subjects { font-size: 13px; }
p.mathjax { display: none; }
`;

export const GITHUB_LOOK = `
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
a { text-decoration: none; }
.sr-only, .show-on-focus, .js-skip-to-content { position: absolute; left: -9999px; }
ul.list-style-none, .list-style-none { list-style: none; padding: 0; margin: 0; }
.AppHeader { padding: 12px 24px; border-bottom: 1px solid var(--borderColor-default, #d0d7de); background: var(--bgColor-inset, #f6f8fa); }
.AppHeader-globalBar { display: flex; justify-content: space-between; align-items: center; }
.AppHeader-globalBar-start, .AppHeader-globalBar-end, .AppHeader-context-full ul { display: flex; gap: 12px; align-items: center; }
.AppHeader-context-full li + li::before { content: "/ "; opacity: .6; }
.AppHeader-logo { font-weight: 700; }
button, .btn { font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 6px; border: 1px solid var(--borderColor-default, #d0d7de); background: transparent; color: inherit; }
#repository-container-header { padding: 16px 24px 0; border-bottom: 1px solid var(--borderColor-default, #d0d7de); }
#repository-container-header > div:first-child { display: flex; justify-content: space-between; align-items: center; }
#repo-title-component { display: flex; align-items: center; gap: 8px; font-size: 20px; }
.Label { font-size: 12px; border: 1px solid var(--borderColor-default, #d0d7de); border-radius: 2em; padding: 0 7px; }
.pagehead-actions { display: flex; gap: 8px; list-style: none; margin: 0; padding: 0; }
.UnderlineNav-body { display: flex; gap: 20px; padding: 12px 0 8px; list-style: none; margin: 0; }
.container-xl { max-width: 1280px; padding: 24px; box-sizing: border-box; }
.Layout { display: grid; grid-template-columns: minmax(0, 1fr) 296px; gap: 24px; }
.Layout-main { min-width: 0; }
.react-directory-row { display: block; padding: 6px 12px; border: 1px solid var(--borderColor-default, #d0d7de); border-bottom: 0; }
table { border-collapse: collapse; width: 100%; }
.markdown-body { border: 1px solid var(--borderColor-default, #d0d7de); border-radius: 6px; padding: 24px 32px; margin-top: 16px; }
.markdown-body h1 { font-size: 28px; margin-top: 0; border-bottom: 1px solid var(--borderColor-default, #d0d7de); padding-bottom: 6px; }
.BorderGrid-cell h2 { font-size: 16px; }
.topic-tag { display: inline-block; font-size: 12px; padding: 0 10px; border-radius: 2em; margin: 0 4px 4px 0; background: rgba(56,139,253,.15); }
.footer { padding: 24px; font-size: 12px; opacity: .7; }
`;

export const HACKER_NEWS_LOOK = `
body { margin: 0; padding-top: 8px; font-family: Verdana, Geneva, sans-serif; font-size: 10pt; color: #828282; background: #fff; }
table { border-collapse: collapse; }
#hnmain { background: #f6f6ef; }
a { color: #000; text-decoration: none; }
.pagetop { color: #000; font-size: 10pt; line-height: 12pt; }
.pagetop a { margin: 0 4px; }
.hnname { margin-right: 6px; }
td.title { font-size: 10pt; color: #828282; padding: 2px 0; }
.titleline { font-size: 10pt; }
.titleline > a { color: #000; }
.rank { color: #828282; padding: 0 4px 0 8px; }
.votelinks { width: 14px; }
.votearrow { width: 10px; height: 10px; border: 0; margin: 3px 2px 6px; background: linear-gradient(to bottom right, transparent 50%, #9a9a9a 50%) no-repeat; transform: rotate(45deg) scale(.7); }
.sitebit, .sitebit a, .subtext, .subtext a { color: #828282; font-size: 7pt; }
.sitebit { font-size: 8pt; }
.yclinks { font-size: 8pt; }
.yclinks a { color: #000; }
`;

export const SCHOLAR_LOOK = `
body { font-family: Arial, sans-serif; font-size: 13px; color: #222; }
#gs_hdr { display: flex; align-items: center; gap: 24px; height: 64px; padding: 0 24px; border-bottom: 1px solid #dadce0; }
#gs_hdr_lgo { display: inline-block; width: 149px; height: 21px; background: linear-gradient(90deg, #4285f4 25%, #ea4335 25% 50%, #fbbc05 50% 75%, #34a853 75%); border-radius: 3px; }
.gs_in_txt { width: 560px; padding: 8px 10px; font-size: 16px; border: 1px solid #dadce0; border-radius: 2px; }
#gs_hdr_frm { display: flex; align-items: center; }
#gs_hdr_tsb { width: 40px; height: 36px; border: 0; border-radius: 0 2px 2px 0; background: #4285f4; }
#gs_bdy { display: flex; }
#gs_bdy_sb { width: 180px; padding: 16px 24px; }
.gs_bdy_sb_sec { list-style: none; padding: 0; margin: 0; line-height: 28px; }
.gs_bdy_sb_sec a { color: #222; text-decoration: none; }
.gs_bdy_sb_sel a { color: #d14836; }
#gs_bdy_ccl { flex: 1; max-width: 820px; padding: 8px 0; }
.gs_ab_mdw { color: #70757a; margin: 8px 0 16px; }
.gs_rt a { text-decoration: none; }
.gs_rt b { font-weight: bold; }
.gs_a { margin: 2px 0 4px; }
.gs_rs { line-height: 1.46; }
.gs_fl a, .gs_flb a { color: #1a0dab; text-decoration: none; margin-right: 12px; font-size: 13px; }
.gs_or_svg { display: none; }
.gs_ctg2, .gs_or_ggsm a { text-decoration: none; }
.gs_ct2, .gs_ctu .gs_ct2 { display: none; }
.gs_ct1 { color: #70757a; font-size: 13px; }
#gs_n, #gs_ftr { display: none; }
`;
