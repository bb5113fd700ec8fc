/**
 * The dashboard's one stylesheet (served as /dashboard/assets/app.css under the page's nonce). Mobile first,
 * system fonts, light and dark; colours keep at least 4.5:1 contrast for text. Tables become labelled
 * cards below 640 px, so nothing scrolls sideways on a 390 px phone.
 */
export const DASHBOARD_CSS = `
:root{color-scheme:light dark;--fg:#14171f;--muted:#566070;--bg:#f3f5f8;--card:#fff;--line:#dde2ea;--accent:#0b5fb4;--accent-fg:#fff;--ok:#136c34;--ok-bg:#e3f4e8;--bad:#a8201a;--bad-bg:#fde8e6;--warn:#6b4a00;--warn-bg:#fff3cf;--info-bg:#e6f0fb;--focus:#1a73e8}
@media (prefers-color-scheme:dark){:root{--fg:#e8ebf1;--muted:#a3abb9;--bg:#0f1217;--card:#1a1f27;--line:#2e3644;--accent:#7ab8ff;--accent-fg:#0b1220;--ok:#6fd895;--ok-bg:#143021;--bad:#ff9a90;--bad-bg:#3a1512;--warn:#ffd970;--warn-bg:#3a2f10;--info-bg:#13263d;--focus:#8ab4f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:var(--card);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.sr-only,.offscreen{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.bar{display:flex;align-items:center;gap:.6rem;flex-wrap:wrap;max-width:72rem;margin:0 auto;padding:.55rem .9rem}
.brand{font-weight:700;color:var(--fg);text-decoration:none}
.merchant{color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:14rem}
.spacer{flex:1}
.mode{font-size:.75rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:.15rem .5rem;border-radius:999px}
.mode-test{background:var(--warn-bg);color:var(--warn);border:1px solid var(--warn)}
.mode-live{background:var(--ok-bg);color:var(--ok);border:1px solid var(--ok)}
.nav{display:flex;flex-wrap:wrap;gap:0 .25rem;max-width:72rem;margin:0 auto;padding:0 .6rem}
.nav a{padding:.55rem .7rem;color:var(--muted);text-decoration:none;border-bottom:3px solid transparent;white-space:nowrap}
.nav a[aria-current=page]{color:var(--fg);border-bottom-color:var(--accent);font-weight:600}
main{display:block;max-width:72rem;margin:0 auto;padding:1rem .9rem 3rem}
main.narrow{max-width:28rem}
main:focus{outline:none}
h1{font-size:1.4rem;margin:.25rem 0 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
h2{font-size:1.1rem;margin:0 0 .75rem}
h3{font-size:1rem;margin:1rem 0 .5rem}
.head{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;justify-content:space-between}
.head h1{margin-bottom:.75rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem;margin-bottom:1rem;min-width:0}
.grid{display:grid;gap:1rem;grid-template-columns:1fr}
@media (min-width:760px){.grid.two{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.grid.side{grid-template-columns:minmax(0,20rem) minmax(0,1fr)}}
.stats{display:grid;gap:.75rem;grid-template-columns:repeat(2,minmax(0,1fr));margin-bottom:1rem}
@media (min-width:760px){.stats{grid-template-columns:repeat(4,minmax(0,1fr))}}
.stats.three,.stats.three{grid-template-columns:repeat(3,minmax(0,1fr))}
.stats.three .value{font-size:1.05rem}
.stat{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:.75rem .9rem}
.stat .label{color:var(--muted);font-size:.85rem}
.stat .value{font-size:1.3rem;font-weight:700;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.stat .sub{color:var(--muted);font-size:.8rem}
.chart{margin:0}
.chart svg{width:100%;height:auto;max-height:15rem;display:block}
.chart .bar{fill:var(--accent);opacity:.55}
.chart .bar.today{opacity:1}
.chart .axis{stroke:var(--line)}
.chart text{fill:var(--muted);font-size:10px}
.chart .value{fill:var(--fg);font-weight:600}
dl{margin:0}
.row{display:grid;grid-template-columns:minmax(7rem,38%) minmax(0,1fr);gap:.5rem;padding:.4rem 0;border-top:1px solid var(--line)}
.row:first-child{border-top:0}
dt{color:var(--muted)}
dd{margin:0;min-width:0;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:.75rem;overflow:auto;max-height:24rem;font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.copyable{display:inline-flex;align-items:center;gap:.4rem;flex-wrap:wrap;max-width:100%}
.copyable code{overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.5rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:.85rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
@media (max-width:639px){
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr{border:1px solid var(--line);border-radius:10px;padding:.4rem .6rem;margin-bottom:.6rem;background:var(--card)}
table.cards td{border:0;padding:.2rem 0;display:flex;gap:.75rem;justify-content:space-between;text-align:right}
table.cards td.num{text-align:right}
table.cards td:before{content:attr(data-label);color:var(--muted);text-align:left;flex:none;max-width:45%}
table.cards td>*{min-width:0;overflow-wrap:anywhere}
table.cards td:empty{display:none}
}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.1rem .5rem;border-radius:999px;white-space:nowrap;border:1px solid transparent}
.s-paid,.b-ok{background:var(--ok-bg);color:var(--ok);border-color:var(--ok)}
.s-pending,.b-info{background:var(--info-bg);color:var(--accent);border-color:var(--accent)}
.s-partially_paid,.b-warn{background:var(--warn-bg);color:var(--warn);border-color:var(--warn)}
.s-expired,.s-canceled,.b-muted{background:var(--bg);color:var(--muted);border-color:var(--line)}
.b-bad{background:var(--bad-bg);color:var(--bad);border-color:var(--bad)}
.notice{padding:.65rem .85rem;border-radius:10px;margin:0 0 1rem;border:1px solid}
.notice ul{margin:.25rem 0 0;padding-left:1.2rem}
.n-ok{background:var(--ok-bg);color:var(--ok)}
.n-bad{background:var(--bad-bg);color:var(--bad)}
.n-warn{background:var(--warn-bg);color:var(--warn)}
.todo{list-style:none;margin:0;padding:0}
.todo li{padding:.5rem 0;border-top:1px solid var(--line);display:flex;gap:.5rem;align-items:baseline;justify-content:space-between;flex-wrap:wrap}
.todo li:first-child{border-top:0}
.muted{color:var(--muted)}
.small{font-size:.85rem}
form.inline{display:inline}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 0}
.field{margin:0 0 .85rem;display:flex;flex-direction:column;gap:.25rem;min-width:0}
label{font-weight:600}
.req{color:var(--bad)}
input,select,textarea{font:inherit;color:var(--fg);background:var(--card);border:1px solid #8a93a3;border-radius:8px;padding:.55rem .65rem;min-height:2.6rem;width:100%;max-width:100%}
input[type=checkbox],input[type=radio]{width:1.15rem;height:1.15rem;min-height:0;accent-color:var(--accent)}
.has-error input,.has-error select{border-color:var(--bad);border-width:2px}
.hint{color:var(--muted)}
.error{color:var(--bad);font-weight:600}
fieldset{border:1px solid var(--line);border-radius:10px;margin:0 0 .85rem;padding:.5rem .75rem .25rem;min-width:0}
legend{font-weight:600;padding:0 .25rem}
.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.2rem 0 .4rem}
button,.button{font:inherit;font-weight:600;display:inline-flex;align-items:center;justify-content:center;gap:.35rem;min-height:2.6rem;padding:.5rem 1rem;border-radius:8px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:transparent;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad);color:#fff}
button.small,.button.small{min-height:2.1rem;padding:.25rem .65rem;font-size:.85rem}
button[hidden]{display:none}
button.done{background:var(--ok);border-color:var(--ok);color:#fff}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end}
.filters .field{margin:0;flex:1 1 12rem}
.pager{display:flex;justify-content:space-between;margin-top:.75rem}
.tabs{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:1rem}
.tabs a{padding:.35rem .8rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--fg);background:var(--card)}
.tabs a[aria-current=page]{border-color:var(--accent);color:var(--accent);font-weight:600}
.qr{text-align:center;margin:0}
.qr.done img{opacity:.35}
.qr .done-note{font-weight:600;color:var(--muted);margin:.25rem 0 0}
.qr img{width:min(100%,16rem);height:auto;background:#fff;border-radius:10px;padding:.35rem}
.qr figcaption{margin-top:.4rem;font-size:1.2rem;font-weight:700;letter-spacing:.05em}
.big{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:2px solid var(--line)}
.timeline li{position:relative;padding:0 0 .75rem .5rem}
.timeline li:before{content:"";position:absolute;left:-1.45rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--accent)}
.attempts{margin:.2rem 0 0;padding:0;list-style:none;font-size:.85rem}
.secret{display:block;padding:.6rem;border:1px dashed var(--warn);border-radius:8px;background:var(--warn-bg);color:var(--warn);overflow-wrap:anywhere}
details summary{cursor:pointer;font-weight:600;margin:.25rem 0}
.guide{background:var(--info-bg);border-radius:10px;padding:.75rem .9rem;margin:.5rem 0 0}
.guide ol{margin:.25rem 0 0;padding-left:1.2rem}
`;
