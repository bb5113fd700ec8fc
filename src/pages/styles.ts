/**
 * The page's only stylesheet, inline (no external requests). Mobile-first; system fonts. Which panel shows is
 * driven by `data-status` on <main>, so the server renders any state and the script only flips one attribute.
 */
export const CHECKOUT_CSS = `
:root{color-scheme:light dark;--fg:#14171f;--muted:#5b6270;--bg:#f3f5f8;--card:#fff;--line:#e3e7ee;--accent:#0b6bcb;--ok:#137a3a;--warn-bg:#fff6dc;--warn-fg:#6b4a00;--bad:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#e8ebf1;--muted:#a0a8b6;--bg:#0f1217;--card:#1a1f27;--line:#2c3340;--accent:#6cb2ff;--ok:#5fd08a;--warn-bg:#3a2f10;--warn-fg:#ffe08a;--bad:#ff8a80}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:28rem;margin:0 auto;padding:1rem .75rem 2rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:1rem;margin-bottom:.75rem}
.head{text-align:center}
.merchant,.ref{margin:0;color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.amount{margin:.25rem 0;font-size:2rem;font-weight:700;letter-spacing:-.01em}
h1,h2{font-size:1.05rem;margin:0 0 .5rem}
.qr{margin:0;text-align:center}
.qr-box{display:inline-block;background:#fff;border-radius:10px;overflow:hidden;line-height:0}
.qr svg{width:min(16rem,70vw);height:auto}
.qr figcaption{margin-top:.5rem;font-weight:600}
.timer{margin:.5rem 0 0;text-align:center;color:var(--muted);font-size:.9rem}
.timer strong{color:var(--fg);font-variant-numeric:tabular-nums;font-size:1.05rem}
dl{margin:0}
.field{padding:.6rem 0;border-top:1px solid var(--line)}
.field:first-child{border-top:0;padding-top:0}
dt{color:var(--muted);font-size:.85rem}
dd{margin:0;display:flex;align-items:center;gap:.5rem}
.value{flex:1;min-width:0;font-weight:600;overflow-wrap:anywhere}
.mono{font-variant-numeric:tabular-nums;letter-spacing:.02em}
.content .value{color:var(--accent);font-size:1.15rem}
button{flex:none;font:inherit;font-size:.85rem;padding:.4rem .75rem;min-height:2.25rem;border-radius:8px;border:1px solid var(--accent);background:transparent;color:var(--accent);cursor:pointer}
button[hidden]{display:none}
button.done{background:var(--accent);color:var(--card)}
.warn{background:var(--warn-bg);color:var(--warn-fg);border-radius:10px;padding:.6rem .75rem;margin:.75rem 0 0;font-size:.9rem}
.waiting{text-align:center;color:var(--muted);margin:.25rem 0}
.waiting:before{content:"";display:inline-block;width:.55rem;height:.55rem;border-radius:50%;background:var(--accent);margin-right:.5rem;animation:pulse 1.2s ease-in-out infinite}
@keyframes pulse{50%{opacity:.25}}
@media (prefers-reduced-motion:reduce){.waiting:before{animation:none}}
.state{display:none;text-align:center}
.state h1{font-size:1.3rem}
.state-paid h1{color:var(--ok)}
.state-expired h1,.state-canceled h1{color:var(--bad)}
[data-status=paid] .state-paid,[data-status=expired] .state-expired,[data-status=canceled] .state-canceled,[data-status=partially_paid] .state-partial{display:block}
[data-status=paid] .pay,[data-status=expired] .pay,[data-status=canceled] .pay{display:none}
.due{font-size:1.4rem;font-weight:700}
.back{display:inline-block;margin-top:.5rem;padding:.7rem 1.2rem;border-radius:10px;background:var(--accent);color:var(--card);font-weight:600;text-decoration:none}
.foot{text-align:center;font-size:.9rem}
a{color:var(--accent)}
`;
