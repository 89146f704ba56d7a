import { byId } from './dom';
import { type DataRange, dayAtMonth, monthIndex, placeInData, stepDay, type Step } from './time-steps';

/** The report's date, one click away. */
export const REPORT_DAY = '2013-04-16';

/** What the time control shows: the view's date (or any time) against the data's range. */
export interface TimeControl {
  /** Shows `day` ('' = any time) in the slider and the date box, and says where it lies. */
  show(day: string): void;
  /** The first and last day the focused entity's data knows of (null: not known). */
  setRange(range: DataRange | null): void;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Wires the time fieldset of index.html: a month slider, ◀ ▶ steps by year or month, a date box,
 * the report's date and "any time". Every move asks `go(day)` for a view as of that day; a day
 * before or after the data is allowed, and the note says so (an empty graph there is expected,
 * not an error).
 */
export function timeControl(
  initial: { day: string; step: Step },
  go: (day: string) => void,
  onStep: (s: Step) => void,
): TimeControl {
  const slider = byId<HTMLInputElement>('time-slider');
  const date = byId<HTMLInputElement>('active-on');
  const stepBox = byId<HTMLSelectElement>('time-step');
  const note = byId<HTMLOutputElement>('time-note');
  let day = initial.day;
  let step = initial.step;
  let range: DataRange | null = null;
  stepBox.value = step;

  const bounds = () => {
    const first = range ? stepDay(range.first, 'year', -1) : '1990-01-01';
    const last = range ? stepDay(range.last, 'year', 1) : todayIso();
    slider.min = String(monthIndex(first < last ? first : last));
    slider.max = String(monthIndex(last));
  };
  const paint = () => {
    date.value = day;
    slider.value = String(monthIndex(day || range?.last || todayIso()));
    slider.dataset.day = day;
    const place = day ? placeInData(day, range) : 'within';
    note.value =
      place === 'before'
        ? `早于数据（始于 ${range?.first}）· before the data (from ${range?.first})`
        : place === 'after'
          ? `晚于数据中最后的变化（${range?.last}）· after the data's last change (${range?.last})`
          : '';
    note.dataset.place = place;
  };
  const move = (to: string) => {
    day = to;
    paint();
    go(to);
  };

  slider.addEventListener('input', () => {
    date.value = dayAtMonth(Number(slider.value), Number((day || REPORT_DAY).slice(8)));
  });
  slider.addEventListener('change', () =>
    move(dayAtMonth(Number(slider.value), Number((day || REPORT_DAY).slice(8)))),
  );
  byId('time-back').addEventListener('click', () =>
    move(stepDay(day || range?.last || todayIso(), step, -1)),
  );
  byId('time-forward').addEventListener('click', () =>
    move(stepDay(day || range?.first || todayIso(), step, 1)),
  );
  stepBox.addEventListener('change', () => {
    step = stepBox.value === 'month' ? 'month' : 'year';
    onStep(step);
  });
  date.addEventListener('change', () => move(date.value));
  byId('report-date').addEventListener('click', () => move(REPORT_DAY));
  byId('all-time').addEventListener('click', () => move(''));

  bounds();
  paint();
  return {
    show(d) {
      day = d;
      paint();
    },
    setRange(r) {
      range = r;
      bounds();
      paint();
    },
  };
}
