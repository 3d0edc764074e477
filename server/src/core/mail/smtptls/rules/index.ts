/** The rules of this record kind, in the order they are registered. */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { mtaStsMultipleRecords } from './mta-sts-multiple-records';
import { mtaStsNoMx } from './mta-sts-no-mx';
import { mtaStsSyntax } from './mta-sts-syntax';
import { mtaStsWithoutTlsRpt } from './mta-sts-without-tls-rpt';
import { tlsRptMultipleRecords } from './tls-rpt-multiple-records';
import { tlsRptSyntax } from './tls-rpt-syntax';

export const SMTPTLS_RULES: Rule<ZoneModel>[] = [mtaStsSyntax, mtaStsMultipleRecords, mtaStsNoMx, mtaStsWithoutTlsRpt, tlsRptSyntax, tlsRptMultipleRecords];
