/**
 * The console's stylesheet and its one script, served from the console itself (CSP: 'self' only).
 * Written out one rule and one statement a line so a change reads as a change; no build step.
 */
export const CONSOLE_CSS = `
:root {
  --blue:#00549f;
  --ink:#1a1a1a;
  --muted:#545454;
  --line:#c8c8c8;
  --bg:#f5f7fa;
  --ok:#1b6e20;
  --warn:#8a4b00;
  --bad:#b00020;
}
* { box-sizing:border-box }
body {
  margin:0;
  font-family:Arial,Helvetica,sans-serif;
  font-size:17px;
  line-height:1.5;
  color:var(--ink);
  background:#fff;
}
a { color:var(--blue) }
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus {
  outline:3px solid #ffbf47;
  outline-offset:2px;
}
.skip { position:absolute; left:-999px }
.skip:focus { left:1rem; top:1rem; background:#fff; padding:.5rem; z-index:10 }
header { background:var(--blue); color:#fff; padding:.75rem 1rem }
header a { color:#fff }
header .row { display:flex; flex-wrap:wrap; gap:.5rem 1.25rem; align-items:center; max-width:70rem; margin:0 auto }
header .brand { font-weight:bold; font-size:1.15rem; margin-right:auto }
nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:.25rem 1rem; margin:0; padding:0 }
nav a[aria-current=page] { text-decoration:underline; text-decoration-thickness:3px }
header form { display:inline }
header button {
  background:none;
  border:1px solid #fff;
  color:#fff;
  padding:.25rem .6rem;
  border-radius:4px;
  font-size:.95rem;
  cursor:pointer;
}
main { max-width:70rem; margin:0 auto; padding:1rem }
h1 { font-size:1.6rem; margin:.5rem 0 1rem }
h2 { font-size:1.25rem; margin-top:1.75rem }
table { border-collapse:collapse; width:100%; margin:.5rem 0 }
th,td { text-align:left; padding:.45rem .5rem; border-bottom:1px solid var(--line); vertical-align:top }
th { background:var(--bg) }
.table-wrap { overflow-x:auto }
label { display:block; font-weight:bold; margin:.9rem 0 .25rem }
.hint { display:block; font-weight:normal; color:var(--muted); font-size:.95rem }
input[type=text],
input[type=email],
input[type=url],
input[type=password],
input[type=datetime-local],
input[type=date],
input[type=time],
input[type=number],
input[type=search],
select,
textarea {
  width:100%;
  max-width:40rem;
  font-size:1rem;
  padding:.5rem;
  border:2px solid #6f6f6f;
  border-radius:4px;
}
textarea { min-height:6rem }
.search { margin:1rem 0 } .search button { margin-top:.5rem }
.pager { display:flex; gap:1.5rem; margin:1rem 0 } .pager a { padding:.5rem 0 }
fieldset { border:1px solid var(--line); border-radius:4px; margin:1rem 0; padding:.5rem 1rem; max-width:42rem }
legend { font-weight:bold }
.choice { display:flex; gap:.5rem; align-items:flex-start; font-weight:normal; margin:.4rem 0 }
.choice input { margin-top:.3rem; width:1.2rem; height:1.2rem }
button,.button {
  display:inline-block;
  font-size:1rem;
  padding:.6rem 1.1rem;
  border-radius:4px;
  border:2px solid var(--blue);
  background:var(--blue);
  color:#fff;
  cursor:pointer;
  text-decoration:none;
  margin:.5rem .5rem .5rem 0;
}
button.secondary { background:#fff; color:var(--blue) }
button.danger { background:var(--bad); border-color:var(--bad) }
.error-summary { border:3px solid var(--bad); padding:.75rem 1rem; margin:1rem 0 }
.error { color:var(--bad); font-weight:bold; display:block }
.notice { border-left:5px solid var(--blue); background:var(--bg); padding:.6rem 1rem; margin:1rem 0 }
.badge {
  display:inline-block;
  padding:.05rem .5rem;
  border-radius:1rem;
  font-size:.9rem;
  border:1px solid currentColor;
}
.badge.open { color:var(--blue) }
.badge.approved { color:var(--ok) }
.badge.rejected,.badge.cancelled { color:var(--bad) }
.badge.no-quorum,.badge.no-response { color:var(--warn) }
.cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(16rem,1fr)); gap:1rem }
.card { border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem }
.progress { font-size:1.2rem; font-weight:bold }
.timeline-wrap { overflow-x:auto; margin:1rem 0 }
.timeline-wrap svg { display:block; width:100%; min-width:44rem; height:auto }
.badge.phase-done { color:var(--ok) }
.badge.phase-running { color:var(--blue) }
.badge.phase-late { color:var(--bad); font-weight:bold }
.badge.phase-toCome { color:var(--muted); border-style:dashed }
.badge.phase-skipped { color:var(--muted); text-decoration:line-through }
details { margin:.5rem 0 }
summary { cursor:pointer; color:var(--blue) }
.actions { display:grid; grid-template-columns:repeat(auto-fit,minmax(18rem,1fr)); gap:1rem }
@media (max-width:40rem) {
  table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td { display:block; width:100% }
  table.stack thead { display:none }
  table.stack tr { border:1px solid var(--line); border-radius:6px; margin:0 0 .75rem; padding:.25rem .75rem }
  table.stack th,table.stack td { border:0; padding:.3rem 0; background:none }
  table.stack .skip { position:static }
  table.stack label.skip { display:block; font-weight:bold; margin:.3rem 0 .2rem }
}
@media print {
  header,nav,.actions,.no-print { display:none }
  body { font-size:12pt }
}
`;

/** Live refresh of a round page: replaces the part marked data-live with a fresh fragment. */
export const CONSOLE_JS = `
(function () {
  var el = document.querySelector('[data-live]');
  if (!el || !window.fetch) return;
  var url = el.getAttribute('data-live');
  var timer = setInterval(function () {
    fetch(url, { credentials: 'same-origin', redirect: 'manual', headers: { accept: 'text/html' } })
      .then(function (r) {
        // Signed out or gone: stop, and leave the page as it is rather than pour another page into it.
        if (r.type === 'opaqueredirect' || !r.ok) {
          clearInterval(timer);
          return null;
        }
        var version = r.headers.get('x-live-version');
        // Redraw only when something changed, so screen readers hear news, not the same table again.
        if (!version || version === el.getAttribute('data-version')) return null;
        el.setAttribute('data-version', version);
        return r.text();
      })
      .then(function (t) {
        if (t !== null && t !== undefined) el.innerHTML = t;
      })
      .catch(function () {});
  }, 3000);
})();
`;
