import { Card } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { caseListPath } from '../shared/links';
import { percent } from '../shared/labels';

type Rate = components['schemas']['StatsRateView'];

/** A count that opens the list of the cases it counts (when the API gives that list). */
export function CountLink({
  count,
  link,
  what,
}: {
  count: number;
  link: string | undefined;
  what: string;
}) {
  const to = caseListPath(link);
  if (!to) return <>{count}</>;
  return (
    <Link className="sv-count-link" to={to} aria-label={`${what}${count}件，查看案件列表`}>
      {count}
    </Link>
  );
}

/**
 * One rate: its value, its numerator and denominator (each a link to its cases when the API has
 * a list for it), and the definition the API states.
 */
export function RateCard({
  title,
  rate,
  numeratorLink,
  denominatorLink,
  numeratorWhat,
  denominatorWhat,
  extra,
}: {
  title: string;
  rate: Rate;
  numeratorLink?: string;
  denominatorLink?: string;
  numeratorWhat: string;
  denominatorWhat: string;
  extra?: ReactNode;
}) {
  return (
    <section aria-label={title}>
      <Card
        size="small"
        title={<h3 className="sv-card-title">{title}</h3>}
        style={{ height: '100%' }}
      >
        <div className="sv-figure">
          <span className="sv-figure-value">{percent(rate.value)}</span>
          <span className="sv-figure-frac">
            分子{' '}
            <CountLink
              count={rate.numerator}
              link={numeratorLink}
              what={`${title}分子：${numeratorWhat}`}
            />{' '}
            ÷ 分母{' '}
            <CountLink
              count={rate.denominator}
              link={denominatorLink}
              what={`${title}分母：${denominatorWhat}`}
            />
          </span>
          {extra}
          <span className="sv-definition">{rate.definition}</span>
        </div>
      </Card>
    </section>
  );
}
