/**
 * The calendar's own stylesheet, served by its function (`GET /console/assets/calendar.css`): the
 * console's stylesheet lives in the console's bundle, which has no room left. On a phone the month's
 * table becomes a list of the days that hold something (and today), each with its whole date.
 */
export const CALENDAR_CSS = `
.filters fieldset { max-width:none; display:flex; flex-wrap:wrap; gap:0 1rem; align-items:flex-end }
.filters fieldset > legend { width:100% }
.filters .field { flex:1 1 14rem }
.filters .field select { max-width:none }
.filters fieldset > button { flex:0 0 auto }
.pager { display:flex; flex-wrap:wrap; gap:.5rem 1.5rem; margin:1rem 0 }
.pager a { display:inline-block; padding:.4rem 0; min-height:44px; line-height:1.8 }
table.calendar-month { table-layout:fixed; min-width:0 }
table.calendar-month caption { text-align:left; font-weight:bold; padding:.25rem 0 }
table.calendar-month td { height:6.5rem; padding:.3rem; border:1px solid var(--line); font-size:.9rem }
table.calendar-month th { text-align:center; border:1px solid var(--line) }
table.calendar-month abbr { text-decoration:none }
table.calendar-month td.other { background:var(--bg); color:var(--muted) }
table.calendar-month .long { position:absolute; left:-9999px }
.date { display:block; font-weight:bold }
td.today,.day.today { outline:3px solid var(--blue); outline-offset:-3px; background:#eef4fb }
.today-mark { font-weight:bold; color:var(--blue) }
ul.entries { list-style:none; margin:.25rem 0 0; padding:0 }
ul.entries li { margin:.2rem 0; padding-left:.4rem; border-left:4px solid var(--line); overflow-wrap:anywhere }
ul.entries .kind { color:var(--muted); font-size:.85em }
ul.entries .where { color:var(--muted) }
ul.entries li.kind-meeting { border-left-color:var(--blue) }
ul.entries li.kind-round { border-left-color:var(--warn) }
ul.entries li.kind-item { border-left-color:var(--ok) }
ul.entries li.kind-input { border-left-color:#6b3fa0 }
ul.entries li.kind-phase { border-left-style:dashed }
ul.entries li.kind-event { border-left-color:#a0522d; border-left-style:double }
.calendar-week .day { padding:.25rem .75rem; margin:.5rem 0; border-bottom:1px solid var(--line) }
.calendar-week h2 { font-size:1.1rem; margin:.5rem 0 }
.calendar-week ul.entries li { font-size:1rem; margin:.4rem 0 }
.nothing { color:var(--muted); margin:.25rem 0 }
#feed input[readonly] { font-family:monospace; font-size:.9rem }
.row-forms { display:flex; flex-wrap:wrap; gap:0 1rem; align-items:center }
@media (max-width:40rem) {
  table.calendar-month,table.calendar-month tbody,table.calendar-month tr,table.calendar-month td { display:block; width:100% }
  table.calendar-month thead { display:none }
  table.calendar-month caption { display:block; width:100% }
  table.calendar-month td { height:auto; border:0; border-bottom:1px solid var(--line); padding:.5rem .25rem }
  table.calendar-month td.empty:not(.today) { display:none }
  table.calendar-month td.other { background:none }
  table.calendar-month .long { position:static }
  table.calendar-month .short { display:none }
}
`;
