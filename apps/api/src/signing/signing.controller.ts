import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ServerKey } from './server-key';
import { ApiView } from '../common/openapi/api-responses';

/** The public half of the signing key, as anyone verifying a revision or the audit head needs it. */
export interface SigningKeyView {
  readonly algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo in PEM. */
  readonly publicKey: string;
  /** SHA-256 of the DER encoding, in hexadecimal: compare it with one obtained another way before trusting the key. */
  readonly fingerprint: string;
}

@ApiTags('public')
@Public()
@Controller('public')
export class SigningController {
  constructor(private readonly key: ServerKey) {}

  @ApiView('SigningKeyView')
  @Get('signing-key')
  @ApiOperation({ summary: "The server's public signing key (Ed25519) and its fingerprint" })
  signingKey(): SigningKeyView {
    return { algorithm: 'Ed25519', publicKey: this.key.public.pem, fingerprint: this.key.public.fingerprint };
  }
}
