import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'concord:public';

/** Marks a route that anonymous visitors may call. Every other route requires a signed-in user. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
