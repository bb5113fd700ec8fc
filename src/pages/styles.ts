/**
 * The page's only stylesheet, inline (no external requests). Mobile-first; system fonts. Which parts show is
 * driven by `data-status` and `data-remaining` on <main>, so the server renders any state and the script only
 * flips attributes. One column on phones (amount and status, QR, transfer details: all above the fold at
 * 390×844); two from 52rem, QR on the left, so everything fits 1280×900 too.
 */
export const CHECKOUT_CSS = `
:root{color-scheme:light dark;--fg:#14171f;--muted:#5b6270;--bg:#f3f5f8;--card:#fff;--line:#e3e7ee;--accent:#0b6bcb;--ok:#137a3a;--warn-bg:#fff6dc;--warn-fg:#6b4a00;--bad:#b42318;--badge:#e8f0fb}
@media (prefers-color-scheme:dark){:root{--fg:#e8ebf1;--muted:#a0a8b6;--bg:#0f1217;--card:#1a1f27;--line:#2c3340;--accent:#6cb2ff;--ok:#5fd08a;--warn-bg:#3a2f10;--warn-fg:#ffe08a;--bad:#ff8a80;--badge:#223047}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:28rem;margin:0 auto;padding:.6rem .75rem 2rem}
.brand{display:flex;align-items:center;gap:.6rem;min-height:2.25rem;margin-bottom:.5rem}
.logo{height:36px;width:auto;max-width:8rem;object-fit:contain;border-radius:6px}
.merchant{flex:1;min-width:0;margin:0;color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.merchant strong{color:var(--fg)}
.lang{font-size:.85rem;white-space:nowrap}
.grid{display:grid;gap:.6rem}
.grid>*{min-width:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:.75rem 1rem}
.summary{text-align:center}
.amount{margin:0;font-size:2rem;font-weight:700;letter-spacing:-.01em;line-height:1.2}
.ref{margin:0;color:var(--muted);font-size:.85rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status-line{margin:.35rem 0 0;display:flex;flex-wrap:wrap;justify-content:center;align-items:center;gap:.35rem .6rem;font-size:.9rem}
.badge{display:inline-flex;align-items:center;gap:.4rem;padding:.15rem .6rem;border-radius:999px;background:var(--badge);font-weight:600}
.badge:before{content:"";width:.5rem;height:.5rem;border-radius:50%;background:var(--accent);animation:pulse 1.2s ease-in-out infinite}
@keyframes pulse{50%{opacity:.25}}
@media (prefers-reduced-motion:reduce){.badge:before{animation:none}}
.timer{color:var(--muted)}
.timer strong{color:var(--fg);font-variant-numeric:tabular-nums}
.expiry{margin:.5rem 0 0;color:var(--muted);font-size:.85rem}
.partial-only{display:none;margin:.35rem 0 0;font-size:.9rem}
[data-status=partially_paid] .partial-only{display:block}
[data-remaining=any] .fixed-only,[data-remaining=fixed] .any-only{display:none}
.fixed-only{color:var(--bad)}
.qr-card{text-align:center}
.qr{margin:0}
.qr-img{display:block;margin:0 auto;width:260px;height:260px;max-width:100%;background:#fff;border-radius:8px;image-rendering:pixelated}
.qr figcaption{margin-top:.3rem;font-weight:600;font-size:.95rem}
.actions{display:flex;flex-wrap:wrap;justify-content:center;align-items:flex-start;gap:.5rem;margin-top:.45rem}
.button,button{display:inline-flex;align-items:center;justify-content:center;font:inherit;font-size:.9rem;padding:.4rem .8rem;min-height:2.25rem;border-radius:8px;border:1px solid var(--accent);background:transparent;color:var(--accent);cursor:pointer;text-decoration:none}
.button.save{background:var(--accent);color:var(--card);font-weight:600}
button{flex:none;font-size:.85rem}
button[hidden]{display:none}
button.done{background:var(--accent);color:var(--card)}
.hint{margin:.35rem 0 0;color:var(--muted);font-size:.8rem}
.apps{text-align:left}
.apps[open]{flex-basis:100%}
.apps summary{list-style:none;font-weight:600}
.apps summary::-webkit-details-marker{display:none}
.apps summary:after{content:"\\00a0▾"}
.apps[open] summary{margin:0 auto;width:max-content}
.apps ul{list-style:none;padding:0;margin:.5rem 0 0;display:grid;grid-template-columns:1fr 1fr;gap:.4rem}
.apps li a{display:block;padding:.5rem;border:1px solid var(--line);border-radius:8px;text-align:center;text-decoration:none}
.note{font-size:.8rem;color:var(--muted);margin:.4rem 0 0}
.details h2{font-size:.95rem;margin:0 0 .3rem;color:var(--muted);font-weight:600}
dl{margin:0}
.field{padding:.4rem 0;border-top:1px solid var(--line)}
.field:first-child{border-top:0;padding-top:0}
dt{color:var(--muted);font-size:.8rem}
dd{margin:0;display:flex;align-items:center;gap:.5rem}
.value{flex:1;min-width:0;font-weight:600;overflow-wrap:anywhere}
.mono{font-variant-numeric:tabular-nums;letter-spacing:.02em}
.content .value{color:var(--accent);font-size:1.1rem}
.warn{background:var(--warn-bg);color:var(--warn-fg);border-radius:10px;padding:.5rem .75rem;margin:.5rem 0 0;font-size:.85rem}
.state{display:none;text-align:center;margin-bottom:.6rem}
.state h1{font-size:1.3rem;margin:0 0 .4rem}
.state-paid h1{color:var(--ok)}
.state-expired h1,.state-canceled h1{color:var(--bad)}
.facts{display:flex;justify-content:center;gap:1.5rem;flex-wrap:wrap;margin:.5rem 0}
.facts dd{justify-content:center;font-weight:600}
[data-status=paid] .state-paid,[data-status=expired] .state-expired,[data-status=canceled] .state-canceled{display:block}
[data-status=paid] .pay-only,[data-status=expired] .pay-only,[data-status=canceled] .pay-only{display:none}
[data-status=partially_paid][data-remaining=fixed] .qr-card{display:none}
.back{display:inline-block;margin-top:.5rem;padding:.7rem 1.2rem;border-radius:10px;background:var(--accent);color:var(--card);font-weight:600;text-decoration:none}
.foot{text-align:center;font-size:.9rem}
a{color:var(--accent)}
@media (min-width:52rem){
main{max-width:60rem;padding-top:1.5rem}
.grid{grid-template-columns:minmax(0,1fr) minmax(0,1fr);grid-template-areas:"qr summary" "qr details";align-items:start;gap:1rem}
.summary{grid-area:summary}
.qr-card{grid-area:qr;padding:1.25rem}
.details{grid-area:details}
.qr-img{width:300px;height:300px}
.state{max-width:32rem;margin:0 auto 1rem}
}
`;
