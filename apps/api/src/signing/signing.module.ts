import { Global, Module } from '@nestjs/common';
import { Env } from '../config/env';
import { ServerKey } from './server-key';
import { SigningController } from './signing.controller';

/** The server's signing key, for every module that signs (publication, the audit chain), and its public half. */
@Global()
@Module({
  controllers: [SigningController],
  providers: [{ provide: ServerKey, inject: [Env], useFactory: (env: Env) => ServerKey.forFile(env.signingKeyFile()) }],
  exports: [ServerKey],
})
export class SigningModule {}
