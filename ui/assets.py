"""The page's own CSS, script and head tags: system fonts only, nothing fetched from outside the server."""

from __future__ import annotations

# Fonts that ship with the operating systems people use here; no web font is ever requested.
SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Consolas", "DejaVu Sans Mono", "monospace")

# The page is Vietnamese (spell-checking, voices, screen readers); Gradio later marks <html> with the browser's UI
# language, so this script, in the head and so running before Gradio does, also keeps it "vi" afterwards.
HEAD = """<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
(() => {
  const html = document.documentElement;
  const keepVietnamese = () => { if (html.lang !== 'vi') html.lang = 'vi'; };
  keepVietnamese();
  new MutationObserver(keepVietnamese).observe(html, { attributes: true, attributeFilter: ['lang'] });
})();
</script>"""

CSS = """
.gradio-container { max-width: 1280px !important; }
#pda-header h1 { margin: 0; font-size: 1.5rem; }
#pda-header p { margin: .2rem 0 0; color: var(--body-text-color); opacity: .8; }
.pda-answer { line-height: 1.6; }
.pda-answer a.pda-cite { font-weight: 700; text-decoration: none; padding: 0 .15em; border-radius: 4px;
  color: var(--color-accent); background: var(--color-accent-soft); cursor: pointer; }
.pda-refusal strong { color: var(--body-text-color); }
.pda-hint { font-size: .9em; color: var(--body-text-color); opacity: .75; }
.pda-problem { color: var(--error-text-color); }
.pda-sources { margin-top: .7em; display: flex; flex-direction: column; gap: .35em; }
.pda-sources-label { font-size: .8em; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: var(--body-text-color); opacity: .7; }
a.pda-card { display: block; padding: .4em .6em; border: 1px solid var(--border-color-primary); border-radius: 8px;
  text-decoration: none !important; color: inherit !important; background: var(--background-fill-primary); }
a.pda-card:hover { border-color: var(--color-accent); }
.pda-card-n { font-weight: 700; color: var(--color-accent); }
.pda-card-title { font-weight: 600; font-size: .94em; }
.pda-card-meta { display: block; font-size: .82em; color: var(--body-text-color); opacity: .7;
  overflow-wrap: anywhere; }
.pda-rate { margin-top: .6em; font-size: .88em; color: var(--body-text-color); }
.pda-rate a { display: inline-block; margin: .2em 0 0 .4em; padding: .1em .7em; border-radius: 999px;
  white-space: nowrap; border: 1px solid var(--border-color-primary); text-decoration: none !important;
  color: var(--body-text-color) !important; }
.pda-rate a:hover { border-color: var(--color-accent); }
.pda-rated a { border: none; padding: 0; text-decoration: underline !important; }
.pda-panel { padding: .8em 1em; border: 1px solid var(--border-color-primary); border-radius: 10px;
  background: var(--background-fill-primary); }
.pda-panel-label { font-size: .8em; font-weight: 700; text-transform: uppercase; color: var(--color-accent); }
.pda-panel-title { margin: .2em 0 .3em !important; font-size: 1.05em !important; line-height: 1.35; }
.pda-meta { display: flex; flex-wrap: wrap; gap: .2em 1em; font-size: .85em; color: var(--body-text-color-subdued);
  overflow-wrap: anywhere; margin-bottom: .6em; }
.pda-passage, .pda-doc { white-space: pre-wrap; line-height: 1.65; overflow-wrap: anywhere; }
.pda-doc { max-height: 65vh; overflow: auto; padding-right: .4em; }
.pda-panel mark { background: #ffe066; color: #1a1a1a; padding: .05em .1em; border-radius: 3px; }
.pda-notice { color: var(--body-text-color); }
.pda-examples button { text-align: left !important; justify-content: flex-start !important; }
.pda-table { width: 100%; border-collapse: collapse; font-size: .92em; }
.pda-table th, .pda-table td { text-align: left; vertical-align: top; padding: .35em .5em;
  border-bottom: 1px solid var(--border-color-primary); overflow-wrap: anywhere; }
.pda-table small { color: var(--body-text-color-subdued); }
.pda-ok .pda-status { color: #1b7f3b; font-weight: 600; }
.pda-bad .pda-status { color: var(--error-text-color); font-weight: 600; }
.pda-count { margin: .4em 0; font-weight: 600; }
footer { display: none !important; }
@media (max-width: 640px) {
  .gradio-container { padding: 0 6px !important; }
  #pda-header h1 { font-size: 1.2rem; }
  #pda-chat .bubble { margin: 6px 4px !important; }
  #pda-chat .bubble.bot-row { max-width: 100% !important; }
  .pda-table th:nth-child(4), .pda-table td:nth-child(4) { display: none; }
}
"""

# Links in answers look like #pda-<kind>-<turn>-<arg>; a click hands the reference to a hidden button's event.
JS = """
() => {
  if (window.__pdaReady) return;
  window.__pdaReady = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#pda-"]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const box = document.querySelector('#pda-action textarea, #pda-action input');
    const go = document.querySelector('#pda-action-go');
    if (!box || !go) return;
    window.__pdaLast = link.getAttribute('href').slice(1);
    box.value = window.__pdaLast;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    go.click();
  }, true);
}
"""

# Run after the server answered: on a narrow screen bring the passage into view; show the highlight in a document.
REVEAL_PASSAGE = """
() => {
  if (!(window.__pdaLast || '').startsWith('pda-cite-')) return;
  setTimeout(() => {
    const panel = document.getElementById('pda-passage-panel');
    if (panel && window.innerWidth < 900) panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, 60);
}
"""

REVEAL_MARK = """
() => {
  setTimeout(() => {
    const mark = document.getElementById('pda-doc-mark');
    if (mark) mark.scrollIntoView({ block: 'center' });
  }, 60);
}
"""
