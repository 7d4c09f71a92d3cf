import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { papersDb } from '../../lib/db';

const root = document.getElementById('app');
if (root) render(<OptionsApp db={papersDb()} />, root);
