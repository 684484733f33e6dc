import { defined, many, text, type FormBody } from './form-values.js';

/**
 * An outcome and its facts as OutcomeDto (the draft's, and a reply made on the spot at registration):
 * inputs named `<prefix>outcome`, `<prefix>detail.reasons`… (templates/console/partials/outcome-fields.hbs).
 */
export function outcomeFromForm(body: FormBody, prefix = ''): Record<string, unknown> {
  const t = (name: string) => text(body, `${prefix}${name}`);
  const grounds = many(body, `${prefix}detail.withheldGrounds`);
  return {
    outcome: t('outcome'),
    detail: defined({
      basis: t('detail.basis'),
      reasons: t('detail.reasons'),
      withheldParts: t('detail.withheldParts'),
      withheldGrounds: grounds.length ? grounds : undefined,
      searchDescription: t('detail.searchDescription'),
      competentAgency:
        t('detail.competentAgency.name') || t('detail.competentAgency.contact')
          ? {
              name: t('detail.competentAgency.name') ?? '',
              contact: t('detail.competentAgency.contact') ?? '',
            }
          : undefined,
      earlierReply:
        t('detail.earlierReply.date') || t('detail.earlierReply.reference')
          ? defined({
              date: t('detail.earlierReply.date'),
              reference: t('detail.earlierReply.reference') ?? '',
            })
          : undefined,
      properChannel: t('detail.properChannel'),
      accessInstructions: t('detail.accessInstructions'),
      specialProcedure: t('detail.specialProcedure'),
      providedForm: t('detail.providedForm'),
      formReason: t('detail.formReason'),
    }),
  };
}
