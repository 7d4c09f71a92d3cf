import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { papersDb } from '../../lib/shared/db';

const root = document.getElementById('app');
if (root) render(<OptionsApp db={papersDb()} />, root);
