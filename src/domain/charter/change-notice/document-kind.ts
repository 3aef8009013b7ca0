/**
 * Which kind of document a text is: a founding document, or a change notice that adjusts bodies,
 * abolishes them, or both. Read from the title first (关于调整…组成人员的通知, 关于撤销…的通知,
 * 关于成立…), then from the wording of the text (…调整充实了…, 决定撤销…). Pure.
 */
import type { DocumentKind } from './change-notice-types.ts';

const TITLE_ADJUST = /(?:调整|充实|增补|变更|更名)/u;
const TITLE_ABOLISH = /(?:撤销|撤消|撤并|不再保留|取消)/u;
const TITLE_FOUNDING = /(?:成立|建立|设立|组建|印发.{0,40}?(?:制度|规则|方案))/u;

/** Wording that adjusts an existing body (not the charter's own rule that members may be adjusted). */
const WORDING_ADJUST = /(?:调整充实了|调整充实|进行调整|进行了调整|调整如下|作如下调整|调整后的|予以调整|现将调整|组成人员调整|组成单位和人员调整|人员调整为)/u;
const WORDING_ABOLISH = /(?:决定撤销|予以撤销|撤销以下|撤销下列|同意撤销|现撤销|不再保留|决定不再保留)/u;

export interface KindSignals {
  titleAdjust: boolean;
  titleAbolish: boolean;
  titleFounding: boolean;
  wordingAdjust: boolean;
  wordingAbolish: boolean;
}

/** The title and wording signals of a text. */
export function kindSignals(title: string, text: string): KindSignals {
  const about = title.lastIndexOf('关于');
  const subject = about >= 0 ? title.slice(about + 2) : title;
  return {
    titleAdjust: TITLE_ADJUST.test(subject),
    titleAbolish: TITLE_ABOLISH.test(subject),
    titleFounding: TITLE_FOUNDING.test(subject) && !/^(?:调整|撤销|撤消|充实)/u.test(subject),
    wordingAdjust: WORDING_ADJUST.test(text),
    wordingAbolish: WORDING_ABOLISH.test(text),
  };
}

/** The document kind from the signals alone (before the targets are read). */
export function detectDocumentKind(title: string, text: string): DocumentKind {
  const s = kindSignals(title, text);
  if (s.titleFounding && !s.titleAdjust && !s.titleAbolish) return 'founding';
  const adjust = s.titleAdjust || (!s.titleFounding && !s.titleAbolish && s.wordingAdjust);
  const abolish = s.titleAbolish || (!s.titleFounding && s.wordingAbolish);
  if (adjust && abolish) return 'mixed';
  if (abolish) return 'abolition';
  if (adjust) return 'adjustment';
  return 'founding';
}
