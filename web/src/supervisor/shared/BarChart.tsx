import './charts.css';

export interface Series {
  name: string;
  /** The bars' fill; a pattern-free legend also names each series in words. */
  color: string;
  values: number[];
}

/**
 * Grouped vertical bars in plain SVG (no chart library): each bar carries its number, so the
 * chart reads without colour, and the figure's label says every value for screen readers.
 */
export function GroupedBars({
  title,
  categories,
  series,
  height = 220,
}: {
  title: string;
  categories: string[];
  series: Series[];
  height?: number;
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = categories.length > 8 ? 46 : 56;
  const barWidth = (groupWidth - 12) / series.length;
  const width = Math.max(320, categories.length * groupWidth + 40);
  const plot = height - 40;
  const description = categories
    .map((c, i) => `${c}：${series.map((s) => `${s.name}${s.values[i]}件`).join('，')}`)
    .join('；');
  return (
    <figure className="sv-chart">
      <figcaption>
        <span className="sv-chart-title">{title}</span>
        <span className="sv-legend">
          {series.map((s) => (
            <span key={s.name}>
              <span className="sv-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="sv-chart-scroll">
        <svg
          role="img"
          aria-label={`${title}。${description}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          <line x1={30} x2={width} y1={plot + 10} y2={plot + 10} stroke="#8c8c8c" />
          {categories.map((c, i) => {
            const x0 = 36 + i * groupWidth;
            return (
              <g key={c}>
                {series.map((s, j) => {
                  const v = s.values[i] ?? 0;
                  const h = Math.round((v / max) * (plot - 20));
                  const x = x0 + j * barWidth;
                  return (
                    <g key={s.name}>
                      <rect
                        x={x}
                        y={plot + 10 - h}
                        width={barWidth - 2}
                        height={h}
                        fill={s.color}
                      />
                      <text
                        x={x + (barWidth - 2) / 2}
                        y={plot + 6 - h}
                        textAnchor="middle"
                        className="sv-chart-value"
                      >
                        {v}
                      </text>
                    </g>
                  );
                })}
                <text x={x0 + (groupWidth - 12) / 2} y={height - 8} textAnchor="middle">
                  {c}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

export interface RateBar {
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

/** Horizontal bars of a rate per row, each with its percentage and its numerator ÷ denominator. */
export function RateBars({
  title,
  rows,
  color,
}: {
  title: string;
  rows: RateBar[];
  color: string;
}) {
  const rowHeight = 30;
  const width = 560;
  const labelWidth = 110;
  const barSpace = 250;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const text = (r: RateBar) =>
    r.value === null
      ? '无已结案件'
      : `${(r.value * 100).toFixed(1)}%（${r.numerator}/${r.denominator}）`;
  return (
    <figure className="sv-chart">
      <figcaption>
        <span className="sv-chart-title">{title}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="mx-muted">暂无数据</p>
      ) : (
        <svg
          role="img"
          aria-label={`${title}。${rows.map((r) => `${r.label}：${text(r)}`).join('；')}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {rows.map((r, i) => {
            const y = 4 + i * rowHeight;
            const w = Math.round((r.value ?? 0) * barSpace);
            return (
              <g key={r.label}>
                <text x={labelWidth - 8} y={y + 18} textAnchor="end">
                  {r.label}
                </text>
                <rect x={labelWidth} y={y + 4} width={barSpace} height={18} fill="#f0f0f0" />
                <rect x={labelWidth} y={y + 4} width={w} height={18} fill={color} />
                <text x={labelWidth + barSpace + 8} y={y + 18} className="sv-chart-value">
                  {text(r)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
