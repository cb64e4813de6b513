import { type Static, Type } from '@sinclair/typebox'

export const RegisterBody = Type.Object(
  {
    email: Type.String({ maxLength: 320, description: 'Trimmed and lower-cased before it is stored.' }),
    password: Type.String({ maxLength: 1024, description: '8–128 characters with a letter and a digit.' }),
    full_name: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
)
export type RegisterBody = Static<typeof RegisterBody>

export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBody>

export const RefreshBody = Type.Object(
  {
    refresh_token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: 'Omit it to use the httpOnly `mockupaws_refresh` cookie the web app holds.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type RefreshBody = Static<typeof RefreshBody>

export const ChangePasswordBody = Type.Object(
  { current_password: Type.String({ maxLength: 1024 }), new_password: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
)
export type ChangePasswordBody = Static<typeof ChangePasswordBody>

export const UpdateMeBody = Type.Object(
  {
    full_name: Type.Optional(
      Type.String({ maxLength: 255, description: 'Trimmed; 1–255 characters, as at registration.' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Only the name can be changed here; other fields (email, is_active, ...) are dropped.',
  },
)
export type UpdateMeBody = Static<typeof UpdateMeBody>

export const UserResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  full_name: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  last_login_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type UserResponse = Static<typeof UserResponse>

export const SessionResponse = Type.Object({
  user: UserResponse,
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer({ description: 'Access token lifetime in seconds.' }),
})
export type SessionResponse = Static<typeof SessionResponse>
