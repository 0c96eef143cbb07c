/** A data table that stays readable on a phone: it scrolls sideways in its wrapper, the caption names it. */
import type { Child } from '../../platform/jsx';

export function Table(p: { caption?: string; head: Child[]; rows: Child[][]; class?: string }) {
  return (
    <div class="table-wrap">
      <table class={p.class}>
        {p.caption ? <caption class="skip">{p.caption}</caption> : null}
        <thead>
          <tr>
            {p.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((cells) => (
            <tr>
              {cells.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
